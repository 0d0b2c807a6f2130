-- Headless Neovim (0.7+) against the Dateline language server, with no plugins:
--   nvim --headless -u NONE -c 'luafile test/e2e/nvim.lua' FOLDER/004_98b365b3b95cd083.txt
-- run from the corpus folder. test/e2e/neovim.mjs sets the environment:
--   DATELINE_NVIM_CONFIG  the README's Neovim config, extracted to a file (what a user puts in init.lua)
--   DATELINE_NVIM_RESULT  where to write what happened, as JSON
-- `dateline-language-server` is found on PATH, as in the README. The script never throws past its
-- end: every outcome is written to the result file, and Neovim quits.

local result = { steps = {} }
local result_path = assert(os.getenv('DATELINE_NVIM_RESULT'), 'DATELINE_NVIM_RESULT is not set')
local config_path = assert(os.getenv('DATELINE_NVIM_CONFIG'), 'DATELINE_NVIM_CONFIG is not set')

local function step(name, value)
  table.insert(result.steps, name)
  if value ~= nil then result[name] = value end
end

local function write_result()
  local file = assert(io.open(result_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
end

-- The diagnostics as the server published them (vim.diagnostic keeps them converted, in byte columns).
local published = {}
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
  if params and params.uri then published[params.uri] = params.diagnostics end
  return publish(err, params, ctx, config)
end

local function lsp_diagnostics(bufnr)
  return published[vim.uri_from_bufnr(bufnr)] or {}
end

local function find_hepkins(bufnr)
  for _, d in ipairs(lsp_diagnostics(bufnr)) do
    if d.code == 'name-variant' and d.message:find('Hepkins', 1, true) then return d end
  end
  return nil
end

local function run()
  -- The user's config, exactly as the README gives it. The file was loaded before it ran, so read it again.
  dofile(config_path)
  vim.cmd('edit')
  local bufnr = vim.api.nvim_get_current_buf()
  result.file = vim.api.nvim_buf_get_name(bufnr)

  local attached = vim.wait(10000, function() return next(vim.lsp.buf_get_clients(bufnr)) ~= nil end, 50)
  if not attached then error('no language client attached to the buffer') end
  local client = select(2, next(vim.lsp.buf_get_clients(bufnr)))
  step('attached', client.name)
  vim.wait(10000, function() return client.initialized end, 50)

  -- Diagnostics come from the server's corpus index, without asking.
  local hepkins
  vim.wait(20000, function()
    hepkins = find_hepkins(bufnr)
    return hepkins ~= nil
  end, 100)
  local messages = {}
  for _, d in ipairs(lsp_diagnostics(bufnr)) do table.insert(messages, tostring(d.code) .. ': ' .. d.message) end
  step('diagnostics', messages)
  if not hepkins then error('no name-variant diagnostic on "Hepkins" within 20 s') end
  step('hepkins', { range = hepkins.range, message = hepkins.message, severity = hepkins.severity })
  -- And Neovim shows it: vim.diagnostic has it on line 11 (what `]d` and the sign column use).
  local shown = false
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.lnum == 10 and d.message:find('Hepkins', 1, true) then shown = true end
  end
  step('shown_by_vim_diagnostic', shown)

  local uri = vim.uri_from_bufnr(bufnr)
  local position = { line = hepkins.range.start.line, character = hepkins.range.start.character + 2 }
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = position }, 10000)
  local hover_text = {}
  for _, response in pairs(hover or {}) do
    if response.result then
      vim.list_extend(hover_text, vim.lsp.util.convert_input_to_markdown_lines(response.result.contents))
    end
  end
  step('hover', table.concat(hover_text, '\n'))

  local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = hepkins.range,
    context = { diagnostics = { hepkins } },
  }, 10000)
  local titles, preferred = {}, nil
  for _, response in pairs(actions or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(titles, action.title)
      if action.isPreferred and not preferred then preferred = action end
    end
  end
  step('actions', titles)
  if not preferred then error('no preferred code action for the Hepkins diagnostic') end
  if not preferred.edit then error('the preferred code action "' .. preferred.title .. '" has no edit') end
  step('preferred', preferred.title)
  vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding or 'utf-16')
  step('line_after_fix', vim.api.nvim_buf_get_lines(bufnr, hepkins.range.start.line, hepkins.range.start.line + 1, false)[1])

  -- The edit went to the server as didChange; the warning goes away.
  local gone = vim.wait(20000, function() return find_hepkins(bufnr) == nil end, 100)
  step('warning_gone_after_fix', gone)

  -- A requirements file in the same folder: the README's autocmd attaches it too (*.txt), but the
  -- server leaves it out of the corpus: no diagnostics, no outline.
  vim.cmd('edit requirements.txt')
  local plain = vim.api.nvim_get_current_buf()
  vim.wait(10000, function() return next(vim.lsp.buf_get_clients(plain)) ~= nil end, 50)
  local plain_uri = vim.uri_from_bufnr(plain)
  local claimed = vim.lsp.buf_request_sync(plain, 'dateline/isArticle', { uri = plain_uri }, 10000)
  local symbols = vim.lsp.buf_request_sync(plain, 'textDocument/documentSymbol', { textDocument = { uri = plain_uri } }, 10000)
  local is_article, symbol_count = nil, nil
  for _, response in pairs(claimed or {}) do
    if response.result then is_article = response.result.article end
  end
  for _, response in pairs(symbols or {}) do
    if response.result then symbol_count = #response.result end
  end
  step('requirements', { article = is_article, symbols = symbol_count, diagnostics = #lsp_diagnostics(plain) })
  vim.lsp.stop_client(client.id)
end

local ok, err = xpcall(run, debug.traceback)
result.ok = ok
if not ok then result.error = tostring(err) end
write_result()
vim.cmd(ok and 'qall!' or 'cquit!')
