// Runs a language server inside a real Neovim and returns the diagnostics Neovim received.
// Neovim starts headless with --clean (no user config or plugins) and a generated Lua config
// that attaches the server to MJML and HTML buffers, the way a Neovim user would set up
// Presend's server by hand.
//
// Debian 12 ships Neovim 0.7, which has no vim.lsp.start (added in 0.8); the config falls
// back to vim.lsp.start_client + vim.lsp.buf_attach_client there.

import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const nvimBin = process.env.PRESEND_E2E_NVIM ?? 'nvim';

export interface NeovimLspOptions {
  /** Program and arguments that start the language server speaking LSP on stdio. */
  serverCommand: readonly string[];
  /** Absolute path of the file to open. */
  file: string;
  /** Absolute path Neovim hands the server as its root (workspace folder). */
  rootDir: string;
  /** How long Neovim waits for the first diagnostics, in milliseconds. */
  timeoutMs: number;
}

/** A diagnostic as `vim.diagnostic.get()` returns it, with 0-based positions. */
export interface NeovimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: 'Error' | 'Warning' | 'Info' | 'Hint';
  message: string;
  source: string;
  code: string;
}

/** The report the Lua driver writes; see `driverLua`. */
interface DriverReport {
  attached: boolean;
  filetype: string;
  /** An array, or `{}` when empty (Lua cannot tell an empty array from an empty map). */
  diagnostics: NeovimDiagnostic[] | Record<string, never>;
}

/** Neovim's version line, "NVIM v0.7.2". */
export async function neovimVersion(): Promise<string> {
  // Neovim 0.7 creates $XDG_CACHE_HOME/nvim/log even for --version.
  const cache = await mkdtemp(path.join(os.tmpdir(), 'presend-nvim-cache-'));
  const env = { ...process.env, XDG_CACHE_HOME: cache };
  const { stdout } = await execFileAsync(nvimBin, ['--version'], { env }).finally(() => rm(cache, { recursive: true, force: true }));
  return stdout.split('\n')[0].trim();
}

/**
 * Opens `options.file` in headless Neovim with the server attached, waits until the buffer
 * has at least one diagnostic and returns them all. Fails with Neovim's output and its LSP
 * log when the server does not attach or sends nothing in time.
 */
export async function collectNeovimDiagnostics(options: NeovimLspOptions): Promise<NeovimDiagnostic[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'presend-nvim-'));
  try {
    const initLua = path.join(dir, 'init.lua');
    const driver = path.join(dir, 'driver.lua');
    const reportPath = path.join(dir, 'report.json');
    await writeFile(initLua, configLua(options.serverCommand, options.rootDir));
    await writeFile(driver, driverLua(options.file, reportPath, options.timeoutMs));

    const output = await runNeovim(['--headless', '--clean', '-u', initLua, '-c', `luafile ${driver}`], dir, options.timeoutMs + 10_000);

    const report = await readFile(reportPath, 'utf8').then((text) => JSON.parse(text) as DriverReport, () => undefined);
    const lspLog = await readFile(path.join(dir, 'state', 'nvim', 'lsp.log'), 'utf8').catch(() => '');
    if (report === undefined) {
      throw new Error(`Neovim wrote no report for ${options.file}:\n${output}\n${lspLog}`);
    }
    if (!report.attached) {
      throw new Error(`The language server did not attach to ${options.file} (filetype "${report.filetype}"):\n${output}\n${lspLog}`);
    }
    const diagnostics = Array.isArray(report.diagnostics) ? report.diagnostics : [];
    if (diagnostics.length === 0) {
      throw new Error(`No diagnostics for ${options.file} within ${options.timeoutMs} ms:\n${output}\n${lspLog}`);
    }
    return diagnostics;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs Neovim with its state, cache and data folders inside `dir`, so its LSP log lands
 * where the caller can read it and nothing is written to the home folder. Resolves with
 * Neovim's output. The driver quits by itself at its own deadline, so the kill at
 * `timeoutMs` only ends a hung Neovim.
 */
function runNeovim(args: string[], dir: string, timeoutMs: number): Promise<string> {
  const env = {
    ...process.env,
    XDG_STATE_HOME: path.join(dir, 'state'),
    XDG_CACHE_HOME: path.join(dir, 'state'),
    XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_CONFIG_HOME: path.join(dir, 'config'),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(nvimBin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not start ${nvimBin}: ${error.message}; run scripts/setup-e2e.sh as root`));
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}

/** Writes the user config, which starts the server for MJML and HTML buffers and attaches it. */
function configLua(serverCommand: readonly string[], rootDir: string): string {
  return `-- Generated by test/e2e/neovim.ts for one run.
local server_cmd = vim.fn.json_decode(${luaString(JSON.stringify(serverCommand))})
local root_dir = ${luaString(rootDir)}

-- Neovim 0.7 does not know the .mjml extension.
vim.cmd('autocmd BufRead,BufNewFile *.mjml setfiletype mjml')

local client_id = nil
local function attach(args)
  if vim.lsp.start then
    vim.lsp.start({ name = 'presend', cmd = server_cmd, root_dir = root_dir }, { bufnr = args.buf })
    return
  end
  if client_id == nil then
    client_id = vim.lsp.start_client({ name = 'presend', cmd = server_cmd, root_dir = root_dir })
  end
  vim.lsp.buf_attach_client(args.buf, client_id)
end

vim.api.nvim_create_autocmd('FileType', { pattern = { 'mjml', 'html' }, callback = attach })
`;
}

/**
 * Writes the test driver. It opens the file, waits until diagnostics arrive or the deadline
 * passes (vim.wait runs the event loop, so LSP messages are handled meanwhile), writes the
 * report and quits.
 */
function driverLua(file: string, reportPath: string, timeoutMs: number): string {
  return `-- Generated by test/e2e/neovim.ts for one run.
vim.cmd('edit ' .. vim.fn.fnameescape(${luaString(file)}))
local buf = vim.api.nvim_get_current_buf()

vim.wait(${timeoutMs}, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)

local severity_names = { 'Error', 'Warning', 'Info', 'Hint' }
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  -- Neovim 0.7 keeps the LSP code only in user_data; later versions also set d.code.
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(diagnostics, {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = severity_names[d.severity],
    message = d.message,
    source = d.source or '',
    code = tostring(d.code or lsp.code or ''),
  })
end

-- vim.lsp.get_clients replaced buf_get_clients in 0.10; 0.7 has only the latter, which
-- returns a map keyed by client id.
local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf)

local report = {
  attached = next(clients) ~= nil,
  filetype = vim.bo[buf].filetype,
  diagnostics = diagnostics,
}
-- json_encode turns an empty Lua table into {}, not []; the reader accepts both.
local out = assert(io.open(${luaString(reportPath)}, 'w'))
out:write(vim.fn.json_encode(report))
out:close()
vim.cmd('qa!')
`;
}

/** Quotes `text` as a Lua long string, verbatim whatever brackets it contains. */
function luaString(text: string): string {
  // The closing bracket must not occur in the text, nor be completed by a trailing "]".
  let level = '';
  while (`${text}]`.includes(`]${level}]`)) {
    level += '=';
  }
  return `[${level}[${text}]${level}]`;
}
