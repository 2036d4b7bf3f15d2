-- Neovim as an independent LSP client (Debian's nvim 0.7.2: vim.lsp.start_client + buf_attach_client).
-- Run: nvim --headless -u NONE -i NONE -n -c 'luafile lsp-test.lua'
-- Env: CLAUSEWISE_SERVER (path of dist/server.js), WORKSPACE (a copy of samples/with-problems), TIMEOUT_MS.
-- Prints one PASS/FAIL line per check; exits 0 when all pass, 1 otherwise.
local timeout = tonumber(os.getenv('TIMEOUT_MS') or '20000')
local server = assert(os.getenv('CLAUSEWISE_SERVER'), 'CLAUSEWISE_SERVER is not set')
local root = assert(os.getenv('WORKSPACE'), 'WORKSPACE is not set')
local failures = 0

local function out(line) io.stdout:write(line .. '\n') end
local function check(ok, what, detail)
  if not ok then failures = failures + 1 end
  out((ok and 'PASS ' or 'FAIL ') .. what .. ((not ok and detail) and ('  (got ' .. detail:gsub('\n', ' ') .. ')') or ''))
end

local function finish()
  for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
  vim.wait(3000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
  vim.cmd(failures == 0 and 'qall!' or 'cquit! 1')
end

local ok, err = pcall(function()
  local document = root .. '/backup-standard.md'
  vim.cmd('edit ' .. vim.fn.fnameescape(document))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown' -- -u NONE: no filetype detection; the filetype becomes the languageId
  local exited = false
  local client_id = vim.lsp.start_client({
    name = 'clausewise',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    on_exit = function(code) exited = code ~= 0 end,
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- Diagnostics for the whole workspace arrive, open buffer or not (Neovim keeps them per URI).
  local expected = {
    ['backup-standard.md'] = 'missing-element',
    ['clinic-records-policy.md'] = 'review-overdue',
    ['loading-dock-exclusion.md'] = 'exclusion-invalid',
    ['remote-support-procedure.md'] = 'broken-reference',
    ['teleworking-standard.md'] = 'unknown-clause',
  }
  local function codes(name)
    local found = {}
    for _, d in ipairs(vim.diagnostic.get(vim.uri_to_bufnr(vim.uri_from_fname(root .. '/' .. name)))) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      table.insert(found, tostring(code))
    end
    return table.concat(found, ',')
  end
  vim.wait(timeout, function()
    if exited then return true end
    for name, code in pairs(expected) do
      if codes(name) ~= code then return false end
    end
    return true
  end, 50)
  check(not exited, 'the server keeps running')
  local names = vim.tbl_keys(expected)
  table.sort(names)
  for _, name in ipairs(names) do check(codes(name) == expected[name], name .. ' has the diagnostics [' .. expected[name] .. ']', '[' .. codes(name) .. ']') end

  -- Hover on the claimed clause id (line 12: "clauses: [12.3.1]").
  local uri = vim.uri_from_bufnr(bufnr)
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = 11, character = 12 } }, timeout)
  local text = ''
  for _, response in pairs(hover or {}) do
    if response.result then text = table.concat(vim.lsp.util.convert_input_to_markdown_lines(response.result.contents), '\n') end
  end
  check(text:find('12.3.1 Information backup', 1, true) ~= nil, 'hover shows the control title', text:sub(1, 80))

  -- Completion inside the clauses list, right after "[".
  local completion = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', { textDocument = { uri = uri }, position = { line = 11, character = 10 } }, timeout)
  local detail
  for _, response in pairs(completion or {}) do
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do
      if item.label == '9.4.2' then detail = item.detail end
    end
  end
  check(detail == 'Secure log-on procedures', 'completion offers clause ids with titles', tostring(detail))
end)
if not ok then check(false, 'the test ran without a Lua error', tostring(err)) end
finish()
