// Counts the sections of a document through the installed library.
#include <gongwen/gongwen.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::ifstream in(argv[1], std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const gongwen::document doc = gongwen::parse(bytes);
  int sections = 0;
  for (const gongwen::node& n : doc.nodes()) sections += n.type == gongwen::node_type::section;
  std::printf("gongwen %s: %d sections\n", GONGWEN_VERSION_STRING, sections);
  return sections > 0 ? 0 : 1;
}
