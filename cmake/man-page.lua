-- Turns a page of docs/ into a manual page: the page's title line goes (the manual page's header
-- names it), its sections move up a level (## NAME becomes the section NAME), links to other
-- pages keep their text (a manual page cannot follow them; its SEE ALSO names the pages), and
-- pictures are left out.
function Header(header)
  if header.level == 1 then
    return {}
  end
  header.level = header.level - 1
  return header
end

function Link(link)
  if not link.target:match("^%a+://") then
    return link.content
  end
end

function Image(image)
  return {}
end
