// Sentences, directives, agencies and deadlines: the analysis of paragraph text.
#pragma once

#include <gongwen/document.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen::detail {

/// The longest sentence, in bytes: the analysis holds one sentence's characters decoded
/// (12 bytes each), so a run with no sentence end (a line of data, say) is cut into
/// pieces this long. No document has such sentences.
inline constexpr std::size_t max_sentence_bytes = std::size_t{1} << 20;

/// A sentence: a run of a paragraph ended by 。！？； (or their ASCII forms), never
/// inside a “” ‘’ 《》 （） 「」 pair, or by the paragraph's end; at most
/// max_sentence_bytes long.
void split_sentences(std::string_view text, offset begin, offset end, std::vector<span>& out);

/// A unit named in a sentence, before its name is interned in the document.
struct unit_found {
  span text;
  std::string name;
  gongwen::role role = role::responsible;
};

/// What one sentence says: its own units and deadlines, and whether it is a directive.
struct sentence_analysis {
  span content;  // the sentence without a leading heading marker
  std::vector<unit_found> agencies;
  std::vector<deadline> deadlines;
  bool has_modal = false;
  bool perfective = false;       // reports work done (了, 已经 …)
  bool assignment = false;       // holds a （牵头单位：…） parenthesis
  bool assignment_only = false;  // is nothing but such a parenthesis
  bool sets_deadline = false;    // a deadline that is not only a time frame (上半年，…)
  /// As a fresh analysis, the arrays' room kept.
  void clear() noexcept {
    agencies.clear();
    deadlines.clear();
    content = {};
    has_modal = perfective = assignment = assignment_only = sets_deadline = false;
  }
  [[nodiscard]] bool is_directive() const {
    return has_modal || assignment || !agencies.empty() || (sets_deadline && !perfective);
  }
};

/// Analyse the sentence [content.begin, content.end) of text into out, which is
/// cleared first: one analysis reused for every sentence keeps its arrays' room.
void analyse_sentence(std::string_view text, span content, sentence_analysis& out);

/// Whether a unit's name may end with the character that ends at `end`, in the sentence
/// [b, e) of text: an organisation's or office's suffix (局 委员会 县长 同志) ends there, or a
/// place (县 乡镇 各地) with what may follow a place after it. Every unit the grammar
/// reads holds such an end, so units are tried only where one lies ahead.
bool unit_may_end(std::string_view text, std::size_t b, std::size_t end, std::size_t e);

/// Every deadline in [begin, end) of text.
void find_deadlines(std::string_view text, offset begin, offset end, std::vector<deadline>& out);

}  // namespace gongwen::detail
