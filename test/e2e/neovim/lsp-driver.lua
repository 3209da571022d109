-- Headless Neovim (Debian 0.7) as an independent LSP client: data-driven checks of a stdio language server.
--   GOVSPEC_LSP_CMD    server command, whitespace-separated (e.g. "node dist/server.js --stdio")
--   GOVSPEC_LSP_CASES  JSON file of expectations (see cases/*.json; positions are 0-based LSP positions)
--   GOVSPEC_LSP_WORKSPACE  optional: the folder the cases' paths (and server.root) are relative to, e.g. a
--                      fresh copy of examples/; default: the cases file's folder
-- run: nvim --headless -u NONE -i NONE -n -c 'luafile test/e2e/neovim/lsp-driver.lua'
-- Prints `ok`/`FAIL` per check and ends with `N passed, N failed`; exits non-zero on any failure.

local function log(s) io.stdout:write(s .. '\n') end
local passes, failures = 0, 0
local function check(name, cond, detail)
  if cond then
    passes = passes + 1
    log('ok   ' .. name)
  else
    failures = failures + 1
    log('FAIL ' .. name .. (detail and ('  -- ' .. detail) or ''))
  end
end
local function finish()
  log(string.format('%d passed, %d failed', passes, failures))
  io.stdout:flush()
  if failures > 0 or passes == 0 then vim.cmd('cquit 1') else vim.cmd('qa!') end
end

local cmd_str = os.getenv('GOVSPEC_LSP_CMD')
local cases_path = os.getenv('GOVSPEC_LSP_CASES')
if not cmd_str or not cases_path then
  log('GOVSPEC_LSP_CMD and GOVSPEC_LSP_CASES must be set')
  failures = 1
  return finish()
end
local cmd = vim.split(vim.trim(cmd_str), '%s+')
local workspace = os.getenv('GOVSPEC_LSP_WORKSPACE')
local cases_dir = (workspace and workspace ~= '') and vim.fn.fnamemodify(workspace, ':p:h') or vim.fn.fnamemodify(cases_path, ':p:h')
local cases = vim.fn.json_decode(table.concat(vim.fn.readfile(cases_path), '\n'))
local function resolve(p) return vim.fn.fnamemodify(cases_dir .. '/' .. p, ':p') end
local srv = cases.server or {}
local root = srv.root and resolve(srv.root) or vim.fn.fnamemodify(resolve(cases.files[1].file), ':h')

-- Latest publishDiagnostics per URI.
local published = {}
local client_id = vim.lsp.start_client({
  name = srv.name or 'server-under-test',
  cmd = cmd,
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'root' } },
  settings = srv.settings or vim.empty_dict(),
  -- `server.capabilities`: merged over Neovim's own client capabilities (e.g. workspace.configuration, which 0.7
  -- answers but does not advertise)
  capabilities = srv.capabilities and vim.tbl_deep_extend('force', vim.lsp.protocol.make_client_capabilities(), srv.capabilities) or nil,
  init_options = srv.init_options,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      published[result.uri] = result.diagnostics
    end,
  },
  on_exit = function(code, signal)
    if code ~= 0 then log('server exited code=' .. tostring(code) .. ' signal=' .. tostring(signal)) end
  end,
})
check('server started: ' .. cmd_str, client_id ~= nil)
if not client_id then return finish() end
local ok_init = vim.wait(20000, function()
  local c = vim.lsp.get_client_by_id(client_id)
  return c ~= nil and c.initialized == true
end, 50)
check('server initialized', ok_init)

local function hover_text(contents)
  if type(contents) == 'string' then return contents end
  if contents.value then return contents.value end
  local parts = {}
  for _, c in ipairs(contents) do table.insert(parts, type(c) == 'string' and c or (c.value or '')) end
  return table.concat(parts, '\n')
end

local function request(bufnr, method, line, character, timeout)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = character } }
  local resp, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout or 10000)
  if not resp then return nil, err end
  for _, r in pairs(resp) do
    if r.err then return nil, vim.inspect(r.err) end
    return r.result
  end
end

local function short(s) return (s or ''):gsub('%s+', ' '):sub(1, 200) end

for _, f in ipairs(cases.files) do
  local path = resolve(f.file)
  local name = vim.fn.fnamemodify(path, ':t')
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = f.filetype or 'yaml'
  vim.lsp.buf_attach_client(bufnr, client_id)
  local uri = vim.uri_from_bufnr(bufnr)

  local d = f.diagnostics
  if d then
    local want_min = d.min or 0
    -- Wait for the expected state, not the first publication: a server may publish before its index is complete.
    local function settled(diags)
      if #diags < want_min or (d.max and #diags > d.max) then return false end
      for _, code in ipairs(d.codes or {}) do
        local hit = false
        for _, x in ipairs(diags) do if tostring(x.code) == code then hit = true end end
        if not hit then return false end
      end
      for _, a in ipairs(d.at or {}) do
        local hit = false
        for _, x in ipairs(diags) do
          if tostring(x.code) == a.code and x.range.start.line == a.line and x.range.start.character == a.character then hit = true end
        end
        if not hit then return false end
      end
      for _, s in ipairs(d.contains or {}) do
        local hit = false
        for _, x in ipairs(diags) do if x.message:find(s, 1, true) then hit = true end end
        if not hit then return false end
      end
      return true
    end
    local got = vim.wait(d.timeout_ms or 20000, function()
      return published[uri] ~= nil and settled(published[uri])
    end, 50)
    local diags = published[uri] or {}
    local msgs = {}
    for _, x in ipairs(diags) do
      table.insert(msgs, string.format('L%d:%d %s%s', x.range.start.line, x.range.start.character,
        x.code and ('[' .. tostring(x.code) .. '] ') or '', x.message))
    end
    local all = table.concat(msgs, '\n')
    log(string.format('  %s: %d diagnostic(s)%s', name, #diags, #msgs > 0 and (': ' .. short(table.concat(msgs, ' | '))) or ''))
    check(name .. ': diagnostics published', got, 'got ' .. #diags)
    if d.max then check(name .. ': at most ' .. d.max .. ' diagnostic(s)', #diags <= d.max, short(all)) end
    for _, s in ipairs(d.contains or {}) do
      check(name .. ': a diagnostic mentions "' .. s .. '"', all:find(s, 1, true) ~= nil, short(all))
    end
    for _, code in ipairs(d.codes or {}) do
      local found = false
      for _, x in ipairs(diags) do if tostring(x.code) == code then found = true end end
      check(name .. ': diagnostic code ' .. code, found, short(all))
    end
    -- `at`: a diagnostic with this code starts exactly here (0-based line and character)
    for _, a in ipairs(d.at or {}) do
      local found = false
      for _, x in ipairs(diags) do
        if tostring(x.code) == a.code and x.range.start.line == a.line and x.range.start.character == a.character then found = true end
      end
      check(string.format('%s: %s at %d:%d', name, a.code, a.line, a.character), found, short(all))
    end
  end

  for _, c in ipairs(f.completion or {}) do
    local result, err = request(bufnr, 'textDocument/completion', c.line, c.character)
    local labels, details = {}, {}
    for _, it in ipairs(result and (result.items or result) or {}) do
      table.insert(labels, it.label)
      details[it.label] = it.detail
    end
    log(string.format('  completion @%d:%d: %s', c.line, c.character, short(table.concat(labels, ', '))))
    for _, l in ipairs(c.labels or {}) do
      check(string.format('%s: completion @%d:%d offers "%s"', name, c.line, c.character, l), vim.tbl_contains(labels, l), err)
    end
    -- `details`: label -> the item's detail (e.g. a code's Chinese label)
    for l, want in pairs(c.details or {}) do
      check(string.format('%s: completion @%d:%d "%s" is "%s"', name, c.line, c.character, l, want), details[l] == want,
        'got ' .. tostring(details[l]))
    end
  end

  for _, h in ipairs(f.hover or {}) do
    local result, err = request(bufnr, 'textDocument/hover', h.line, h.character)
    local text = result and result.contents and hover_text(result.contents) or ''
    log(string.format('  hover @%d:%d: %s', h.line, h.character, short(text)))
    for _, s in ipairs(h.contains or {}) do
      check(string.format('%s: hover @%d:%d contains "%s"', name, h.line, h.character, s), text:find(s, 1, true) ~= nil, err)
    end
  end

  for _, g in ipairs(f.definition or {}) do
    local result, err = request(bufnr, 'textDocument/definition', g.line, g.character)
    local locs = result and (result.uri or result.targetUri) and { result } or (result or {})
    local hit, seen = false, {}
    for _, l in ipairs(locs) do
      local luri = l.uri or l.targetUri
      local range = l.range or l.targetSelectionRange or l.targetRange
      table.insert(seen, vim.uri_to_fname(luri) .. ':' .. range.start.line)
      if vim.uri_to_fname(luri) == resolve(g.file) and (g.target_line == nil or range.start.line == g.target_line) then hit = true end
    end
    log(string.format('  definition @%d:%d: %s', g.line, g.character, table.concat(seen, ', ')))
    check(string.format('%s: definition @%d:%d -> %s:%s', name, g.line, g.character,
      vim.fn.fnamemodify(g.file, ':t'), tostring(g.target_line)), hit, err or table.concat(seen, ', '))
  end

  -- `links`: a document link starts here (0-based) and its target contains the text
  for _, k in ipairs(f.links or {}) do
    local result, err = request(bufnr, 'textDocument/documentLink', k.line, k.character)
    local hit, seen = false, {}
    for _, l in ipairs(result or {}) do
      table.insert(seen, string.format('%d:%d %s', l.range.start.line, l.range.start.character, tostring(l.target)))
      if l.range.start.line == k.line and l.range.start.character == k.character and tostring(l.target):find(k.target_contains, 1, true) then hit = true end
    end
    log(string.format('  links: %s', short(table.concat(seen, ', '))))
    check(string.format('%s: link @%d:%d -> %s', name, k.line, k.character, k.target_contains), hit, err or short(table.concat(seen, ', ')))
  end
end

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
finish()
