// Helpers shared by the tests.
#pragma once

#include <gongwen/gongwen.hpp>

#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include <tao/pegtl.hpp>

namespace gongwen::test {

/// At least `size` bytes made of pieces drawn at random (a fixed seed, so every run
/// reads the same text): bytes of every kind at every place of the SIMD blocks.
inline std::string text_of_pieces(std::initializer_list<std::string_view> pieces,
                                  std::size_t size) {
  std::string text;
  std::uint32_t seed = 20261122;
  while (text.size() < size) {
    seed = seed * 1664525u + 1013904223u;
    text += pieces.begin()[(seed >> 24) % pieces.size()];
  }
  return text;
}

/// Rounds of texts, each a run of 1 … max_pieces pieces drawn at random (a fixed seed,
/// so every run reads the same texts), handed to f one at a time.
template <class Pieces, class F>
void for_random_runs(const Pieces& pieces, int rounds, std::size_t max_pieces, F f) {
  std::uint32_t seed = 20261123;
  auto next = [&seed](std::size_t n) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % n;
  };
  std::string text;
  for (int round = 0; round < rounds; ++round) {
    text.clear();
    for (std::size_t k = 1 + next(max_pieces); k > 0; --k) text += pieces[next(pieces.size())];
    f(text);
  }
}

/// What a grammar rule matches at the start of s, or nothing.
template <class Rule>
std::optional<std::string> match(std::string_view s) {
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(s.data(), s.data() + s.size(), "");
  if (!tao::pegtl::parse<Rule>(in)) return std::nullopt;
  return std::string(s.data(), static_cast<std::size_t>(in.current() - s.data()));
}

/// The sections of a document in order as "level:marker" words: "1:一、 2:一是 2:二是 1:二、".
/// Pre-order with levels pins the tree down.
inline std::string sections(const document& doc) {
  std::string out;
  walker w(doc, doc.root());
  for (walk_event ev; w.next(ev);) {
    if (!ev.entering || ev.n->type != node_type::section) continue;
    if (!out.empty()) out += ' ';
    out += std::to_string(ev.n->level);
    out += ':';
    out += doc.text(doc.ordinal_of(*ev.n).marker);
  }
  return out;
}

inline std::string sections(std::string_view text) {
  return sections(parse(text));
}

/// The first node of a type, in document order (nullptr if none).
inline const node* first_of(const document& doc, node_type t) {
  walker w(doc, doc.root());
  for (walk_event ev; w.next(ev);)
    if (ev.entering && ev.n->type == t) return ev.n;
  return nullptr;
}

inline std::size_t count_of(const document& doc, node_type t) {
  std::size_t n = 0;
  walker w(doc, doc.root());
  for (walk_event ev; w.next(ev);) n += ev.entering && ev.n->type == t;
  return n;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string data_path(std::string_view name) {
  return std::string(GONGWEN_TEST_DATA) + "/" + std::string(name);
}

}  // namespace gongwen::test
