-- tradecheck report filter: executed Jupyter cells (pandoc's ipynb reader, --ipynb-output=all)
-- -> the blocks the PDF shows.
--
-- * code input is hidden (narrative + outputs only), unless the cell is tagged "show-input";
--   cells tagged "remove-cell" vanish, "remove-output" keeps nothing of the cell's outputs;
-- * of each output's representations one is kept: an image, else an HTML table (pandas
--   DataFrame HTML becomes a real pandoc table, so typst typesets a table), else Markdown,
--   else the plain text;
-- * stderr streams (warnings, progress bars) stay in the executed notebook, not in the PDF;
-- * cell wrappers (with random cell ids) are unwrapped so nothing run-specific is left.
-- Raw HTML left anywhere else is dropped by pandoc's typst writer itself.

local function has_class(el, name)
  for _, c in ipairs(el.classes) do
    if c == name then return true end
  end
  return false
end

local function tags_of(el)
  local raw = el.attributes["tags"]
  local tags = {}
  if raw then
    for t in raw:gmatch('"([^"]+)"') do tags[t] = true end
  end
  return tags
end

local function has_image(block)
  if block.t ~= "Para" and block.t ~= "Plain" then return false end
  for _, inl in ipairs(block.content) do
    if inl.t == "Image" then return true end
  end
  return false
end

-- choose one representation of a display_data / execute_result output
local function best_output(blocks)
  local images, html, md, plain = {}, nil, nil, nil
  for _, b in ipairs(blocks) do
    if has_image(b) then
      table.insert(images, b)
    elseif b.t == "RawBlock" and b.format == "html" and html == nil then
      html = b
    elseif b.t == "RawBlock" and b.format == "markdown" and md == nil then
      md = b
    elseif b.t == "CodeBlock" and plain == nil then
      plain = b
    end
  end
  if #images > 0 then return images end
  if html then
    -- a table without columns (an empty DataFrame) would be invalid typst: drop it
    return pandoc.read(html.text, "html").blocks:filter(function(b)
      return b.t ~= "Table" or #b.colspecs > 0
    end)
  end
  if md then return pandoc.read(md.text, "markdown").blocks end
  if plain then return { plain } end
  return {}
end

-- charts: a fixed share of the text width (the PNGs are rendered at 160 dpi, see
-- tradecheck.report.notebook.show), so they print sharp and the same size everywhere
function Image(img)
  if not img.attributes["width"] then img.attributes["width"] = "92%" end
  return img
end

local function kept(blocks)
  -- mark a chosen output, so the cell below can tell it from the code input
  return pandoc.Div(blocks, pandoc.Attr("", { "tc-output" }))
end

function Div(el)
  if has_class(el, "output") then
    if has_class(el, "stderr") then return {} end
    if has_class(el, "stream") or has_class(el, "error") then return kept(el.content) end
    return kept(best_output(el.content))
  end
  if has_class(el, "cell") then
    local tags = tags_of(el)
    if tags["remove-cell"] then return {} end
    local out = {}
    for _, b in ipairs(el.content) do
      if b.t == "Div" and has_class(b, "tc-output") then
        if not tags["remove-output"] then
          for _, inner in ipairs(b.content) do table.insert(out, inner) end
        end
      elseif b.t == "CodeBlock" and has_class(el, "code") then
        if tags["show-input"] then table.insert(out, b) end
      else
        table.insert(out, b)
      end
    end
    return out
  end
  return nil
end
