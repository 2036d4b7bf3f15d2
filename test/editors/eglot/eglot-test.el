;;; eglot-test.el --- Emacs eglot as an independent LSP client of Clausewise  -*- lexical-binding: t -*-
;; Run: emacs --batch -q -l eglot-test.el   (Debian: emacs-nox 28 + elpa-eglot 1.9; -Q would hide eglot)
;; Env: CLAUSEWISE_SERVER (path of dist/server.js), WORKSPACE (a copy of samples/with-problems), TIMEOUT_S.
;; Prints one PASS/FAIL line per check; exits 0 when all pass, 1 otherwise.
(package-initialize)
(require 'eglot)
(define-derived-mode markdown-mode text-mode "Markdown")   ; eglot sends the mode name as languageId: "markdown"

(defvar clausewise-failures 0)
(defun clausewise-out (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defun clausewise-check (ok what &optional detail)
  (unless ok (setq clausewise-failures (1+ clausewise-failures)))
  (clausewise-out "%s %s%s" (if ok "PASS" "FAIL") what (if (and (not ok) detail) (format "  (got %s)" detail) "")))

(defun clausewise-wait (predicate timeout)
  "Process server output until PREDICATE holds or TIMEOUT seconds pass."
  (let ((deadline (+ (float-time) timeout)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun clausewise-codes (buffer)
  "The LSP codes of BUFFER's flymake diagnostics, sorted and joined."
  (with-current-buffer buffer
    (mapconcat #'identity
               (sort (mapcar (lambda (d)
                               (let ((text (flymake-diagnostic-text d)))
                                 (if (string-match "\\[\\([a-z-]+\\)\\]" text) (match-string 1 text) text)))
                             (flymake-diagnostics))
                     #'string<)
               ",")))

(condition-case err
    (let* ((root (file-name-as-directory (getenv "WORKSPACE")))
           (timeout (string-to-number (or (getenv "TIMEOUT_S") "20")))
           (backup (find-file-noselect (concat root "backup-standard.md")))
           (teleworking (find-file-noselect (concat root "teleworking-standard.md")))
           server)
      (with-current-buffer teleworking (markdown-mode))
      (with-current-buffer backup
        (markdown-mode)
        (setq server (eglot '(markdown-mode) (cons 'transient root) 'eglot-lsp-server
                            (list "node" (getenv "CLAUSEWISE_SERVER") "--stdio") "markdown")))
      (with-current-buffer teleworking (eglot-ensure))
      ;; In batch no buffer is ever displayed, so flymake would wait forever to run eglot's backend: start it.
      (clausewise-wait (lambda ()
                         (dolist (buffer (list backup teleworking)) (with-current-buffer buffer (flymake-start)))
                         (and (equal (clausewise-codes backup) "missing-element")
                              (equal (clausewise-codes teleworking) "unknown-clause")))
                       timeout)
      (clausewise-check (equal (clausewise-codes backup) "missing-element") "backup-standard.md has the diagnostics [missing-element]" (clausewise-codes backup))
      (clausewise-check (equal (clausewise-codes teleworking) "unknown-clause") "teleworking-standard.md has the diagnostics [unknown-clause]" (clausewise-codes teleworking))
      (with-current-buffer backup
        (goto-char (point-min))
        (search-forward "12.3")
        (let* ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
               (text (plist-get (plist-get hover :contents) :value)))
          (clausewise-check (and text (string-match-p "12\\.3\\.1 Information backup" text)) "hover shows the control title" text))
        (goto-char (point-min))
        (search-forward "clauses: [")
        (let* ((completion (jsonrpc-request server :textDocument/completion (eglot--CompletionParams)))
               (items (if (vectorp completion) completion (plist-get completion :items)))
               (item (seq-find (lambda (candidate) (equal (plist-get candidate :label) "9.4.2")) items)))
          (clausewise-check (equal (plist-get item :detail) "Secure log-on procedures") "completion offers clause ids with titles" (plist-get item :detail))))
      (eglot-shutdown server))
  (error (clausewise-check nil "the test ran without a Lisp error" (error-message-string err))))
(kill-emacs (if (= clausewise-failures 0) 0 1))
