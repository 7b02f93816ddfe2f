import type { Category, MergeTagSyntax, Purpose } from '../model/types';
import type { SeveritySetting } from '../engine/rule';

/**
 * `presend.config.json` as the checking core uses it, after defaults are applied. The JSON
 * schema in `server/schema/presend.config.schema.json` describes the file users write.
 */

export type RuleSetting = SeveritySetting | { severity?: SeveritySetting; options?: Record<string, unknown> };

/** Keys a config override may set for matching templates; the same keys as the directive. */
export interface TemplateDefaults {
  category?: Category;
  from?: string;
  list?: string;
  suppression?: string;
  authorization?: 'documented';
  purpose?: Purpose;
  consent?: 'affirmative';
  previewData?: string;
}

export interface ConfigOverride extends TemplateDefaults {
  /** Glob or globs relative to the config file's folder. */
  files: string | string[];
  rules?: Record<string, RuleSetting>;
}

export interface StreamConfig {
  from: string;
  dkimSelector?: string;
  listUnsubscribe?: 'one-click' | 'mailto' | 'none';
  /** Domains of the sending service, for SPF/DKIM alignment. */
  sendingDomains?: string[];
}

export interface UserConfig {
  rules?: Record<string, RuleSetting>;
  overrides?: ConfigOverride[];
  mergeTags?: { syntaxes?: MergeTagSyntax[] };
  defaults?: TemplateDefaults;
  /** Dictionaries and lists later rules read; each family documents its own keys. */
  unsubscribe?: { tags?: string[]; linkText?: string[] };
  organization?: { phones?: string[]; emails?: string[]; domains?: string[] };
  phi?: {
    fields?: Record<string, 'identifier' | 'clinical' | 'financial' | 'neutral'>;
    conditionTerms?: string[];
    neutralSubject?: string;
  };
  trackers?: { allow?: string[] };
  classifier?: {
    promotional?: Record<string, number>;
    transactional?: Record<string, number>;
  };
  streams?: { marketing?: StreamConfig; transactional?: StreamConfig; fundraising?: StreamConfig };
  maxFileSize?: number;
}

export interface ResolvedConfig {
  /** The config as written, with defaults filled in where a key was absent. */
  user: UserConfig;
  /** Folder of the config file, or the workspace root; globs and paths are relative to it. */
  root: string;
  /** Path of the config file that was read, if any. */
  path?: string;
  mergeTagSyntaxes: MergeTagSyntax[];
  /** False in an untrusted workspace: includes only beside the file, no DNS. */
  trusted: boolean;
}
