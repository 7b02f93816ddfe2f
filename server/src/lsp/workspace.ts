import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, isInside, loadConfig, type LoadedConfig } from '../core/config/load';
import type { PresendSettings } from './settings';

/**
 * What the server knows about the workspace: its folders, whether it is trusted, and the
 * configuration of each folder, read lazily and cached until a config file or setting changes.
 */
export class WorkspaceState {
  folders: string[] = [];
  trusted = true;
  private readonly configs = new Map<string, LoadedConfig>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  /** The workspace folder that contains a file, or the file's own folder outside any workspace. */
  folderOf(filePath: string): string {
    const containing = this.folders.filter((folder) => isInside(folder, filePath)).sort((a, b) => b.length - a.length);
    return containing[0] ?? path.dirname(filePath);
  }

  configFor(folder: string, settings: PresendSettings): LoadedConfig {
    const key = `${folder}\u0000${settings.configPath ?? ''}\u0000${(settings.mergeTags.syntaxes ?? []).join(',')}`;
    let loaded = this.configs.get(key);
    if (!loaded) {
      loaded = loadConfig(folder, {
        configPath: settings.configPath,
        trusted: this.trusted,
        readFile: this.readFile,
        mergeTagSyntaxes: settings.mergeTags.syntaxes,
      });
      this.configs.set(key, loaded);
    }
    return loaded;
  }

  invalidateConfigs(): void {
    this.configs.clear();
  }

  /** Reads a file, preferring the editor's unsaved text when the file is open. */
  readonly readFile = (absolutePath: string): string | undefined => {
    const open = this.documents.get(pathToFileURL(absolutePath).href);
    if (open) {
      return open.getText();
    }
    try {
      return fs.readFileSync(absolutePath, 'utf8');
    } catch {
      return undefined;
    }
  };

  static isConfigFile(uri: string): boolean {
    return uri.startsWith('file:') && path.basename(fileURLToPath(uri)) === CONFIG_FILE_NAME;
  }
}

export function uriToPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

export function pathToUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}
