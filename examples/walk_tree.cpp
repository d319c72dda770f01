// A small program that links gongwen: print every section of a document with its
// level, its position (line and character column) and its title.
//
//   walk_tree speech.txt
#include <gongwen/gongwen.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: walk_tree FILE\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "walk_tree: cannot open %s\n", argv[1]);
    return 1;
  }
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};

  const gongwen::document doc = gongwen::parse(bytes);
  gongwen::walker w(doc, doc.root());
  for (gongwen::walk_event ev; w.next(ev);) {
    const gongwen::node& n = *ev.n;
    if (!ev.entering || n.type != gongwen::node_type::section) continue;
    const gongwen::position at = doc.position_of(n.span.begin);
    const std::string marker(doc.text(doc.ordinal_of(n).marker));
    const std::string title(doc.text(doc.title_of(n)));
    std::printf("%*s%s%s  [%s, level %d, %u:%u]\n", 2 * (n.level - 1), "", marker.c_str(),
                title.c_str(), std::string(gongwen::name(doc.ordinal_of(n).style)).c_str(), n.level,
                at.line, at.column);
  }
  return doc.ok() ? 0 : 1;
}
