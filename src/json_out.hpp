// A small streaming JSON writer: compact or indented, always valid UTF-8.
#pragma once

#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "text.hpp"

namespace gongwen::detail {

/// Append s as a JSON string. Invalid UTF-8 becomes U+FFFD, control characters are escaped.
inline void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  std::size_t i = 0;
  auto flush = [&](std::size_t upto) { out.append(s.data() + run, upto - run); };
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x80 && b != '"' && b != '\\') {
      ++i;
      continue;
    }
    if (b >= 0x80) {
      const code_point c = decode_at(s, i);
      if (c.cp == 0xFFFD && c.len == 1) {
        flush(i);
        out.append("\\ufffd");
        run = ++i;
      } else {
        i += c.len;
      }
      continue;
    }
    flush(i);
    switch (b) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      default:
        fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(b));
    }
    run = ++i;
  }
  flush(i);
  out.push_back('"');
}

class json_out {
 public:
  json_out(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}
  /// Write to a file as the text grows: the buffer goes out whenever it passes
  /// flush_at bytes, so the output of a large document never sits in memory whole.
  json_out(std::string& buffer, bool pretty, std::FILE* sink)
      : out_(buffer), pretty_(pretty), sink_(sink) {}

  /// Write what is buffered to the sink (if any). False on a write error.
  bool flush() {
    if (!sink_ || out_.empty()) return ok_;
    ok_ = std::fwrite(out_.data(), 1, out_.size(), sink_) == out_.size() && ok_;
    out_.clear();
    return ok_;
  }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view k) {
    separate();
    append_json_string(out_, k);
    out_.append(pretty_ ? ": " : ":");
    after_key_ = true;
  }

  void string(std::string_view s) {
    prefix();
    append_json_string(out_, s);
  }
  void number(std::int64_t v) {
    prefix();
    append_int(v);
  }
  void boolean(bool v) {
    prefix();
    out_.append(v ? "true" : "false");
  }
  void null() {
    prefix();
    out_.append("null");
  }
  /// A [begin, end) pair, kept on one line even when indented.
  void pair(std::int64_t a, std::int64_t b) {
    prefix();
    out_.push_back('[');
    append_int(a);
    out_.append(pretty_ ? ", " : ",");
    append_int(b);
    out_.push_back(']');
  }

  template <class T>
  void member(std::string_view k, T&& v) {
    key(k);
    if constexpr (std::is_same_v<std::decay_t<T>, bool>)
      boolean(v);
    else if constexpr (std::is_integral_v<std::decay_t<T>>)
      number(static_cast<std::int64_t>(v));
    else
      string(v);
  }

 private:
  void append_int(std::int64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
  }

  void open(char c) {
    if (sink_ && out_.size() >= flush_at) flush();
    prefix();
    out_.push_back(c);
    has_members_.push_back(false);
  }
  void close(char c) {
    const bool had = has_members_.back();
    has_members_.pop_back();
    if (pretty_ && had) newline();
    out_.push_back(c);
  }
  void prefix() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!has_members_.empty()) separate();
  }
  void separate() {
    if (has_members_.back()) out_.push_back(',');
    has_members_.back() = true;
    if (pretty_) newline();
  }
  void newline() {
    out_.push_back('\n');
    out_.append(2 * has_members_.size(), ' ');
  }

  static constexpr std::size_t flush_at = std::size_t{1} << 20;
  std::string& out_;
  bool pretty_;
  std::FILE* sink_ = nullptr;
  bool ok_ = true;
  bool after_key_ = false;
  std::vector<bool> has_members_;
};

}  // namespace gongwen::detail

namespace gongwen {
class document;
struct deadline;
namespace detail {
/// A deadline as the tree and the ledger write it: text, span and its reading.
void write_deadline(json_out& j, const document& doc, const deadline& d);
/// "inherited": true and "from": the span of the directive an inherited item came from.
void write_origin(json_out& j, const document& doc, std::uint32_t from);
}  // namespace detail
}  // namespace gongwen
