import { dirname, resolve } from 'node:path';
import type { Catalog } from '../catalog/catalog';
import { builtInCatalogPath, isBuiltInCatalog } from '../catalog/builtIn';
import { loadCatalog } from '../catalog/load';
import { defaultConfig, findConfigFile, loadConfig, type CatalogPolicy } from './load';
import type { SeveritySetting } from '../findings/types';
import type { ResolvedConfig } from './types';
import type { SourceProblem } from '../yaml/problem';

export interface ConfigAndCatalog {
  config: ResolvedConfig;
  catalog: Catalog;
  /** With `dropInvalid`: the problems of the config whose parts were left out. */
  ignored?: SourceProblem[];
}

/** Finds the config file governing a folder and loads it (with the catalog it names). */
export interface ConfigSource {
  find(dir: string): string | undefined;
  load(file: string, options: CatalogPolicy): ConfigAndCatalog;
}

/** Configs as the disk holds them. */
export const diskConfigs: ConfigSource = { find: findConfigFile, load: loadConfig };

/** What an editor may set for the documents no config file governs, and where config catalogs may live. */
export interface ResolverOptions extends CatalogPolicy {
  /** Rule severities for documents without a config file (a config file always wins). */
  defaultRules?: Record<string, SeveritySetting>;
  /** A catalog for documents without a config file: a built-in name or a file. */
  defaultCatalog?: string;
}

/**
 * Finds the config for each document by walking up from its folder, loading each file once.
 * With an explicit config file, every document uses that one.
 */
export class ConfigResolver {
  private readonly byFile = new Map<string, ConfigAndCatalog>();
  private readonly byDir = new Map<string, string | undefined>();
  private fallback?: ConfigAndCatalog;

  constructor(
    private readonly defaultRoot: string,
    private readonly explicitFile?: string,
    private options: ResolverOptions = {},
    /** Where config files are found and read: the disk, unless a past revision's files are given. */
    private readonly source: ConfigSource = diskConfigs,
  ) {}

  /** Changes the editor's options; loaded configs are forgotten. */
  configure(options: ResolverOptions): void {
    this.options = options;
    this.clear();
  }

  forDocument(path: string): ConfigAndCatalog {
    return this.forDirectory(dirname(resolve(path)));
  }

  forDirectory(dir: string): ConfigAndCatalog {
    const file = this.explicitFile ? resolve(this.explicitFile) : this.configFileFor(dir);
    if (!file) return (this.fallback ??= this.defaults());
    let loaded = this.byFile.get(file);
    if (!loaded) this.byFile.set(file, (loaded = this.source.load(file, this.options)));
    return loaded;
  }

  private defaults(): ConfigAndCatalog {
    const config = defaultConfig(this.defaultRoot);
    if (this.options.defaultRules) config.rules = { ...this.options.defaultRules };
    // The editor's setting may name a built-in catalog (iso27002-2022) or a file.
    const chosen = this.options.catalog ?? this.options.defaultCatalog;
    if (chosen) config.catalogPath = isBuiltInCatalog(chosen) ? builtInCatalogPath(chosen) : chosen;
    return { config, catalog: loadCatalog(config.catalogPath) };
  }

  /** The problems of every loaded config whose parts were left out (`dropInvalid`). */
  ignored(): SourceProblem[] {
    return [...this.byFile.values()].flatMap((loaded) => loaded.ignored ?? []);
  }

  /** Forget loaded configs (after a config file changed). */
  clear(): void {
    this.byFile.clear();
    this.byDir.clear();
    this.fallback = undefined;
  }

  private configFileFor(dir: string): string | undefined {
    if (!this.byDir.has(dir)) this.byDir.set(dir, this.source.find(dir));
    return this.byDir.get(dir);
  }
}

/** Today's date in the local time zone as YYYY-MM-DD. */
export function todayString(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
