// What each paragraph is: noise, the title and the lines around it, salutations,
// the closing, 公文 front matter, attachments, or body text.
//
// Noise is recognised by its kind, never by matching particular strings:
// advertising has the vocabulary of selling and contact (订阅 会员 QQ 微信),
// page furniture is made of interface words (下载 打印 【字号：加大】), metadata
// lines are label：value (来源： 时间： 原文链接：), licence footers name a
// licence (公有领域, Public domain). A block of short lines above the title that
// holds such a line is the site's header, and all of it is noise.
#include <algorithm>
#include <array>

#include <tao/pegtl.hpp>

#include "builder.hpp"
#include "grammar_match.hpp"
#include "headings.hpp"
#include "memory.hpp"
#include "parts.hpp"
#include "text.hpp"
#include "word_finder.hpp"

namespace gongwen::detail {

namespace {

namespace pegtl = tao::pegtl;
namespace g = gongwen::grammar;

template <class Words = std::initializer_list<std::string_view>>
bool contains_any(std::string_view s, const Words& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return contains(s, w); });
}
template <class Words = std::initializer_list<std::string_view>>
bool ends_with_any(std::string_view s, const Words& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return ends_with(s, w); });
}

bool has_sentence_punct(std::string_view s) {
  return any_code_point(s, is_sentence_end);
}
bool has_any_punct(std::string_view s) {
  return any_code_point(s, is_punct);
}
std::size_t han_count(std::string_view s) {
  return count_code_points(s, is_han);
}

bool has_latin(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; });
}

/// A necessary condition of date_line, cheap to test before it: the paragraph ends,
/// blanks aside, in a date's last character or a closing bracket. Most paragraphs
/// that begin as a date may (with a numeral or a bracket) are headings.
bool may_be_date_line(std::string_view s) {
  for (std::size_t e = s.size(); e > 0;) {
    const code_point c = decode_before(s, e);
    if (!is_blank(c.cp))
      return first_chars_of<g::date_end>().cps.test(c.cp) ||
             first_chars_of<g::close_paren>().cps.test(c.cp);
    e -= c.len;
  }
  return false;
}

std::string without_blanks(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const code_point c = decode_at(s, i);
    if (!is_blank(c.cp)) out.append(s.substr(i, c.len));
    i += c.len;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Kinds of noise.

/// The vocabulary of selling and subscriptions, or contact details given out:
/// 现在订阅…, 举报倒卖会员资料…, 咨询QQ206157060, 免费QQ群：. A sentence that merely
/// mentions 微信 or QQ (用好政务微信公众号) gives no number or handle and is text.
constexpr std::array<std::string_view, 16> selling_words = {
    "订阅",       "倒卖",     "仅供学习", "禁止外传", "版权所有", "侵权必究",
    "转载请注明", "免费下载", "下载地址", "获取资料", "资料分享", "会员群",
    "会员资料",   "会员权益", "开通会员", "成为会员"};
/// Contact words: Latin handles, searched for as they are, and Chinese ones, looked up
/// among the noise words.
constexpr std::array<std::string_view, 4> contact_handles = {"QQ", "qq", "VX", "vx"};
constexpr std::array<std::string_view, 5> contact_words = {"微信", "公众号", "客服", "群号",
                                                           "加群"};
/// Page furniture in a phrase (扫一扫在手机打开当前页, 【打印本页】), and a site's footer:
/// registration numbers, or two of its usual labels.
constexpr std::array<std::string_view, 9> furniture_words = {"扫一扫",   "手机打开", "打印本页",
                                                             "关闭窗口", "返回顶部", "设为首页",
                                                             "加入收藏", "网站地图", "分享到"};
constexpr std::array<std::string_view, 4> footer_marks = {"ICP备", "ICP证", "网站标识码",
                                                          "公网安备"};
constexpr std::array<std::string_view, 7> footer_labels = {
    "主办单位", "承办单位", "技术支持", "版权所有", "联系电话", "联系我们", "网站维护"};

/// The words the short lines are searched for, in one table, and each list's bits.
struct noise_vocabulary {
  word_table table{selling_words, contact_words, furniture_words, footer_marks, footer_labels};
  std::uint64_t selling = table.bits_of(selling_words);
  std::array<std::uint64_t, contact_words.size()> contact = each_bit(contact_words);
  std::uint64_t furniture = table.bits_of(furniture_words);
  std::uint64_t registration = table.bits_of(footer_marks);
  std::uint64_t site_labels = table.bits_of(footer_labels);

 private:
  template <std::size_t N>
  std::array<std::uint64_t, N> each_bit(const std::array<std::string_view, N>& words) const {
    std::array<std::uint64_t, N> bits{};
    for (std::size_t k = 0; k < N; ++k) bits[k] = table.bits_of(std::array{words[k]});
    return bits;
  }
};

const noise_vocabulary& noise_words() {
  static const noise_vocabulary v;
  return v;
}

/// A number or a handle follows a contact word within a few characters: QQ206157060,
/// QQ群：, 微信：abc.
bool gives_contact(std::string_view s, std::string_view contact) {
  for (std::size_t at = s.find(contact); at != std::string_view::npos;
       at = s.find(contact, at + 1)) {
    std::string_view rest = s.substr(at + contact.size());
    for (int k = 0; k < 4 && !rest.empty(); ++k) {
      const code_point c = decode_at(rest, 0);
      if ((c.cp >= U'0' && c.cp <= U'9') || fold_punct(c.cp) == U'：') return true;
      rest.remove_prefix(c.len);
    }
  }
  return false;
}

bool is_advertising(const word_finder& f) {
  const noise_vocabulary& v = noise_words();
  if (f.holds_any(v.selling)) return true;
  const std::string_view s = f.text();
  for (std::string_view handle : contact_handles)
    if (gives_contact(s, handle)) return true;
  for (std::size_t k = 0; k < contact_words.size(); ++k)
    if (f.holds_any(v.contact[k]) && gives_contact(s, contact_words[k])) return true;
  return false;
}

/// A line made only of page-interface words: 下载 / 打印 / 【字号：加大 还原 减小】.
bool is_interface_line(std::string_view s) {
  static constexpr std::array<std::string_view, 44> listed = {
      "下载",   "打印",     "全屏",   "收藏", "分享",     "分享到",   "关闭",     "关闭窗口",
      "返回",   "返回顶部", "顶部",   "字号", "字体",     "大",       "中",       "小",
      "加大",   "还原",     "减小",   "默认", "打印本页", "打印此页", "收藏本页", "我要纠错",
      "纠错",   "复制链接", "扫一扫", "微博", "微信",     "QQ空间",   "朋友圈",   "上一篇",
      "下一篇", "评论",     "点赞",   "首页", "当前位置", "您的位置", "位置",     "浏览",
      "次",     "保存",     "放大",   "缩小"};
  // Sorted, so that a token is looked up in a few comparisons; and a token longer
  // than every word is given up as soon as it is (most short lines are headings and
  // titles, whose first token is a phrase).
  static constexpr auto words = [] {
    auto w = listed;
    std::sort(w.begin(), w.end());
    return w;
  }();
  static constexpr std::size_t longest =
      std::max_element(listed.begin(), listed.end(), [](std::string_view a, std::string_view b) {
        return a.size() < b.size();
      })->size();
  std::size_t i = 0;
  bool any = false;
  while (i < s.size()) {
    // Skip separators.
    const code_point c = decode_at(s, i);
    if (is_blank(c.cp) || is_punct(c.cp) || c.cp == U'|' || c.cp == U'·') {
      i += c.len;
      continue;
    }
    std::size_t j = i;
    while (j < s.size()) {
      const code_point d = decode_at(s, j);
      if (is_blank(d.cp) || is_punct(d.cp) || d.cp == U'|' || d.cp == U'·') break;
      j += d.len;
      if (j - i > longest) return false;  // longer than every word
    }
    const std::string_view token = s.substr(i, j - i);
    if (!std::binary_search(words.begin(), words.end(), token)) return false;
    any = true;
    i = j;
  }
  // A line of brackets alone (the 】 that closes 【字号：…) is furniture too.
  return any || !s.empty();
}

/// label：value lines of web pages and databases: 来源：… 时间：… 原文链接：…,
/// 【法宝引证码】CLI.12.…
bool is_metadata_line(std::string_view s) {
  static constexpr std::array<std::string_view, 49> labels = {
      "来源",     "信息来源", "文章来源", "稿件来源", "出处",     "时间",     "发布时间",
      "发布日期", "更新时间", "日期",     "作者",     "编辑",     "责任编辑", "编审",
      "审核",     "校对",     "浏览次数", "浏览量",   "点击数",   "点击量",   "阅读量",
      "阅读",     "字数",     "原文链接", "原文地址", "链接",     "网址",     "索引号",
      "主题分类", "发布机构", "发文机关", "成文日期", "生效日期", "废止日期", "有效性",
      "效力级别", "时效性",   "相关报道", "相关链接", "相关阅读", "延伸阅读", "推荐阅读",
      "相关新闻", "附件下载", "分类",     "标签",     "当前位置", "您的位置", "所在位置"};
  if (starts_with(s, "【")) {
    const std::size_t close = s.find("】");
    if (close != std::string_view::npos && han_count(s.substr(close + 3)) == 0) return true;
  }
  for (const auto label : labels) {
    if (!starts_with(s, label)) continue;
    const std::string_view rest = s.substr(skip_blanks(s, label.size(), s.size()));
    if (starts_with(rest, "：") || starts_with(rest, ":")) return true;
  }
  return false;
}

bool is_url_line(std::string_view s) {
  return starts_with(s, "http://") || starts_with(s, "https://") || starts_with(s, "www.");
}

/// Page furniture in a phrase: 扫一扫在手机打开当前页, 【打印本页】.
bool is_furniture_phrase(const word_finder& f, std::size_t chars) {
  return chars <= 30 && f.holds_any(noise_words().furniture);
}

/// A site's footer: registration numbers, or two of its usual labels.
bool is_site_footer(const word_finder& f, std::size_t chars) {
  if (chars > 160) return false;
  const noise_vocabulary& v = noise_words();
  return f.holds_any(v.registration) || f.count(v.site_labels) >= 2;
}

/// A photo caption: …新华社记者 鞠鹏/摄
bool is_caption(std::string_view s, std::size_t chars) {
  return chars <= 160 && (ends_with(s, "/摄") || ends_with(s, "／摄") ||
                          (ends_with(s, "摄") && contains(s, "记者")));
}

/// A licence or rights notice of the site a text was copied from.
bool is_licence(std::string_view s) {
  return contains_any(s, {"公有领域", "Public domain", "public domain", "著作权法", "版权声明",
                          "本作品", "维基文库", "Wikisource", "CC BY", "知识共享", "GNU Free"});
}

/// Text with no Chinese at all but letters: stray markup or template words (false, Public domain).
bool is_foreign_fragment(std::string_view s) {
  return han_count(s) == 0 && has_latin(s);
}

// ---------------------------------------------------------------------------
// Front matter.

constexpr std::array<std::string_view, 39> genre_words = {
    "讲话", "讲话稿", "发言", "致辞",   "报告",       "工作报告", "通知",     "通报",
    "通告", "公告",   "意见", "方案",   "实施方案",   "办法",     "规定",     "决定",
    "细则", "规划",   "纲要", "条例",   "批复",       "请示",     "函",       "总结",
    "计划", "要点",   "措施", "意见稿", "征求意见稿", "纪要",     "会议纪要", "讲稿",
    "决议", "公报",   "章程", "规则",   "指引",       "指南",     "说明"};

/// Strip trailing parentheticals such as （摘要） or （征求意见稿） from a title.
std::string_view title_core(std::string_view s) {
  for (int guard = 0; guard < 3; ++guard) {
    std::size_t open = std::string_view::npos;
    if (ends_with(s, "）"))
      open = s.rfind("（");
    else if (ends_with(s, ")"))
      open = s.rfind("(");
    if (open == std::string_view::npos || open == 0) break;
    s = s.substr(0, open);
  }
  return s;
}

/// A title glued to its date and speaker: 在……上的讲话（2023年4月3日）习近平.
/// Gives where the title ends and where the parenthetical ends.
bool split_glued_title(std::string_view s, std::size_t& title_end, std::size_t& paren_end) {
  for (const auto& [open_mark, close_mark] :
       {std::pair<std::string_view, std::string_view>{"（", "）"},
        std::pair<std::string_view, std::string_view>{"(", ")"}}) {
    for (std::size_t open = s.find(open_mark); open != std::string_view::npos && open > 0;
         open = s.find(open_mark, open + 1)) {
      const std::size_t close = s.find(close_mark, open);
      if (close == std::string_view::npos) break;
      const std::size_t close_end = close + close_mark.size();
      const std::string_view head = s.substr(0, open);
      const std::string_view paren = s.substr(open, close_end - open);
      const std::string_view tail = s.substr(close_end);
      if (ends_with_any(head, genre_words) && contains_any(paren, {"年", "月", "日"}) &&
          (tail.empty() || (count_chars(tail) <= 5 && !has_any_punct(tail)))) {
        title_end = open;
        paren_end = close_end;
        return true;
      }
    }
  }
  return false;
}

/// A line that reads as a document title: 在……上的讲话, 关于……的通知, ……工作报告.
bool is_strong_title(std::string_view s) {
  const std::size_t chars = count_chars(s);
  if (has_sentence_punct(s) || chars > 80 || chars < 3) return false;
  std::string compact = without_blanks(s);
  std::string_view core = title_core(compact);
  if (starts_with(core, "《") && ends_with(core, "》")) core = core.substr(3, core.size() - 6);
  if (ends_with_any(core, genre_words)) return true;
  return (contains(core, "在") && contains(core, "上的")) ||
         (starts_with(core, "关于") && contains(core, "的"));
}

bool is_weak_title(std::string_view s) {
  const std::size_t chars = count_chars(s);
  return !has_sentence_punct(s) && chars <= 40 && chars >= 2 && han_count(s) >= 2;
}

/// ——2026年1月26日在河南省第十四届人民代表大会第四次会议上, （2023年4月3日）
bool is_subtitle(std::string_view s) {
  if (count_chars(s) > 100 || has_sentence_punct(s)) return false;
  const bool dashed = starts_with(s, "—") || starts_with(s, "―") || starts_with(s, "-") ||
                      starts_with(s, "－") || starts_with(s, "─");
  const bool bracketed =
      (starts_with(s, "（") || starts_with(s, "(")) && (ends_with(s, "）") || ends_with(s, ")"));
  if (!dashed && !bracketed) return false;
  return contains_any(s, {"年", "月", "日", "会", "在", "上", "讲话"});
}

/// 河南省人民政府省长 王凯
bool is_byline(std::string_view s) {
  if (count_chars(s) > 40 || has_any_punct(s)) return false;
  // The last blank-separated token is a name of 2-4 characters.
  std::size_t e = s.size();
  std::size_t b = e;
  while (b > 0) {
    const code_point c = decode_before(s, b);
    if (!is_han(c.cp) && c.cp != U'·') break;
    b -= c.len;
  }
  const std::size_t name_chars = count_chars(s.substr(b, e - b));
  if (b == 0 || name_chars < 2 || name_chars > 4) return false;
  std::size_t k = b;
  while (k > 0) {
    const code_point c = decode_before(s, k);
    if (!is_blank(c.cp)) break;
    k -= c.len;
  }
  if (k == b) return false;  // no blank between office and name
  const std::string_view office = s.substr(0, k);
  return ends_with_any(office, {"长", "书记", "主任", "主席", "总理", "委员", "常委", "代表",
                                "理事", "秘书", "组长", "记者", "作者", "同志"});
}

/// 各县（区）人民政府、管委会，市政府各部门，市直各单位：
bool is_addressee(std::string_view s) {
  if (!(ends_with(s, "：") || ends_with(s, ":")) || has_sentence_punct(s) || count_chars(s) > 160)
    return false;
  if (matches<g::salutation_line>(s)) return false;
  return contains_any(s, {"人民政府", "政府", "部门", "单位", "委员会", "委", "局", "厅", "办",
                          "党组", "党委", "公司", "各"});
}

/// 发文机关署名: a short organisation name on its own line.
bool is_signature(std::string_view s) {
  if (count_chars(s) > 40 || has_sentence_punct(s) || contains(s, "，")) return false;
  return ends_with_any(
      s, {"人民政府", "办公室", "办公厅", "委员会", "党委", "政府", "局", "厅", "委", "部", "中心",
          "公司", "领导小组", "指挥部", "党组", "人民代表大会"});
}

/// Starts with an ordinal marker (topic leads do not count here: they decide nothing
/// about the document's parts).
bool is_heading_start(std::string_view s) {
  return match_prefix<g::block_ordinal_marker>(s) > 0;
}

bool is_body_like(std::string_view s) {
  return (count_chars(s) > 40 && has_sentence_punct(s)) || (is_heading_start(s) && !is_subtitle(s));
}

}  // namespace

std::vector<item> classify_parts(std::string_view text, const std::vector<paragraph>& paras) {
  const std::size_t n = paras.size();
  auto view = [&](std::size_t i) {
    return text.substr(paras[i].begin, paras[i].end - paras[i].begin);
  };

  // 1. What each paragraph is by itself: its length in characters, whether it is noise
  //    wherever it stands, and the forms the body is read for. All are found in one
  //    pass while the paragraph's bytes are in the cache: later passes over a large
  //    text would wait for memory at every paragraph.
  //    Lengths matter up to 160 characters (the longest line taken for noise): a
  //    paragraph of more than 4 x 160 bytes has more than 160 characters whatever they
  //    are, and stands for its byte count instead of being counted.
  constexpr std::size_t lengths_that_matter = 160;
  std::vector<std::size_t> chars;
  std::vector<noise_kind> noise;
  enum : std::uint8_t { attachment_form = 1, salutation_form = 2, date_form = 4 };
  std::vector<std::uint8_t> forms;
  resize_large(chars, n);
  resize_large(noise, n, noise_kind::none);
  resize_large(forms, n);
  read_ahead ahead(text);
  for (std::size_t i = 0; i < n; ++i) {
    ahead.at(paras[i].begin);
    const std::string_view s = view(i);
    const std::size_t len = chars[i] =
        s.size() > 4 * lengths_that_matter ? s.size() : count_chars(s);
    forms[i] = static_cast<std::uint8_t>(
        (len <= 60 && matches<g::attachment_marker>(s) ? attachment_form : 0) |
        (len <= 30 && matches<g::salutation_line>(s) ? salutation_form : 0) |
        (may_be_date_line(s) && matches<g::date_line>(s) ? date_form : 0));
    if (starts_with(s, ">") || starts_with(s, "＞"))
      noise[i] = noise_kind::disclaimer;
    else if (is_url_line(s))
      noise[i] = noise_kind::metadata;
    else if (len <= lengths_that_matter) {  // every other kind of noise here is a short line
      const word_finder f(s, noise_words().table);
      if (len <= 60 && is_advertising(f))
        noise[i] = noise_kind::advertising;
      else if (is_caption(s, len) || is_furniture_phrase(f, len) || is_site_footer(f, len))
        noise[i] = noise_kind::web;
      else if (len <= 40 && is_interface_line(s))
        noise[i] = noise_kind::web;
    }
  }

  // 2. Metadata front matter: a block of key: value lines between --- lines.
  const std::size_t first = 0;
  if (first < n && (view(first) == "---" || view(first) == "+++")) {
    for (std::size_t j = first + 1; j < n && j < first + 80; ++j) {
      if (view(j) == view(first)) {
        for (std::size_t k = first; k <= j; ++k) noise[k] = noise_kind::metadata;
        break;
      }
    }
  }

  // 3. The site's header: short lines above the title, one of them noise.
  std::size_t title_at = n;
  for (std::size_t i = 0; i < n && i < 60; ++i) {
    if (noise[i] != noise_kind::none) continue;
    const std::string_view s = view(i);
    if (is_strong_title(s)) {
      title_at = i;
      break;
    }
    if (chars[i] > 60) break;
  }
  if (title_at < n) {
    bool header_noise = false;
    noise_kind kind = noise_kind::web;
    for (std::size_t i = 0; i < title_at; ++i) {
      if (noise[i] != noise_kind::none) {
        header_noise = true;
        if (noise[i] == noise_kind::advertising) kind = noise_kind::advertising;
      }
    }
    if (header_noise) {
      for (std::size_t i = 0; i < title_at; ++i) {
        const std::string_view s = view(i);
        if (noise[i] == noise_kind::none && !matches<g::doc_number_line>(s) &&
            !(forms[i] & date_form))
          noise[i] = kind;
      }
    }
  }

  // 4. Metadata and foreign fragments near the edges of the text: before the
  //    first body paragraph, and in the run of short lines that ends it.
  std::size_t body_from = 0;
  while (body_from < n && !is_body_like(view(body_from))) ++body_from;
  std::size_t tail_from = n;
  while (tail_from > body_from &&
         (chars[tail_from - 1] <= 60 || noise[tail_from - 1] != noise_kind::none))
    --tail_from;
  auto edge_noise = [&](std::size_t i) {
    if (noise[i] != noise_kind::none) return;
    const std::string_view s = view(i);
    if (is_metadata_line(s))
      noise[i] = noise_kind::metadata;
    else if (is_foreign_fragment(s) && !is_heading_start(s))
      noise[i] = noise_kind::web;
  };
  for (std::size_t i = 0; i < body_from; ++i) edge_noise(i);
  for (std::size_t i = tail_from; i < n; ++i) edge_noise(i);

  // 5. A licence footer: from the first line naming a licence in the tail (with
  //    the broken-up fragments just above it) to the end.
  for (std::size_t i = tail_from; i < n; ++i) {
    if (!is_licence(view(i))) continue;
    std::size_t from = i;
    while (from > tail_from && !has_sentence_punct(view(from - 1)) && chars[from - 1] <= 30) --from;
    for (std::size_t k = from; k < n; ++k)
      if (noise[k] == noise_kind::none) noise[k] = noise_kind::web;
    break;
  }

  // 6. Front matter, then the body.
  std::vector<item> items;
  reserve_large(items, n + 4);
  auto push = [&](part kind, std::size_t i, offset b, offset e) {
    item it;
    it.kind = kind;
    it.noise = noise[i];
    it.begin = b;
    it.end = e;
    it.line = paras[i].line;
    it.block_start = b == paras[i].begin;
    items.push_back(it);
  };
  auto push_whole = [&](part kind, std::size_t i) { push(kind, i, paras[i].begin, paras[i].end); };

  std::size_t i = 0;
  bool seen_title = false;
  std::string title_text;
  std::size_t front_seen = 0;  // non-noise paragraphs looked at in the front matter
  for (; i < n; ++i) {
    const std::string_view s = view(i);
    if (noise[i] != noise_kind::none) {
      push_whole(part::noise, i);
      continue;
    }
    if (seen_title && without_blanks(s) == title_text) {  // the title repeated by the page
      noise[i] = noise_kind::web;
      push_whole(part::noise, i);
      continue;
    }
    if (matches<g::doc_number_line>(s)) {
      push_whole(part::doc_number, i);
    } else if (seen_title && is_subtitle(s)) {
      push_whole(part::subtitle, i);
    } else if (forms[i] & date_form) {
      push_whole(part::date, i);
    } else if (!seen_title && !is_heading_start(s) &&
               (is_strong_title(s) || (front_seen == 0 && starts_with(s, "# ")) ||
                (front_seen == 0 && is_weak_title(s) && i + 1 < n &&
                 (is_subtitle(view(i + 1)) || is_byline(view(i + 1)) ||
                  matches<g::salutation_line>(view(i + 1)))))) {
      seen_title = true;
      offset b = paras[i].begin;
      if (starts_with(s, "# ")) {  // a Markdown heading mark: kept as markup noise
        push(part::noise, i, b, b + 1);
        items.back().noise = noise_kind::markup;
        b += 2;
      }
      title_text = without_blanks(text.substr(b, paras[i].end - b));
      std::size_t title_end = 0, paren_end = 0;
      if (!starts_with(s, "# ") && split_glued_title(s, title_end, paren_end)) {
        const offset at = paras[i].begin;
        push(part::title, i, at, static_cast<offset>(at + title_end));
        push(part::subtitle, i, static_cast<offset>(at + title_end),
             static_cast<offset>(at + paren_end));
        if (at + paren_end < paras[i].end)
          push(part::byline, i, static_cast<offset>(at + paren_end), paras[i].end);
        title_text = without_blanks(s.substr(0, title_end));
      } else {
        push(part::title, i, b, paras[i].end);
      }
    } else if (is_byline(s)) {
      push_whole(part::byline, i);
    } else if (i + 1 < n && paras[i + 1].line == paras[i].line && !paras[i + 1].line_first &&
               is_byline(text.substr(paras[i].begin, paras[i + 1].end - paras[i].begin))) {
      // 海拉尔区人民政府区长　　张天喜: a byline cut in two by its own spacing.
      push(part::byline, i, paras[i].begin, paras[i + 1].end);
      ++i;
    } else if (matches<g::salutation_line>(s)) {
      push_whole(part::salutation, i);
      ++i;
      break;
    } else if (is_addressee(s)) {
      push_whole(part::addressee, i);
      ++i;
      break;
    } else {
      break;
    }
    ++front_seen;
  }

  bool heading_seen = false;
  bool attachment_title_due = false;
  for (; i < n; ++i) {
    const std::string_view s = view(i);
    if (noise[i] != noise_kind::none) {
      push_whole(part::noise, i);
      continue;
    }
    if (forms[i] & attachment_form) {
      push_whole(part::attachment, i);
      attachment_title_due = true;
      continue;
    }
    if (attachment_title_due) {
      attachment_title_due = false;
      const bool signs_off = is_signature(s) && i + 1 < n && (forms[i + 1] & date_form);
      if (is_weak_title(s) && !is_heading_start(s) && !has_any_punct(s) && !signs_off) {
        push_whole(part::title, i);
        continue;
      }
    }
    if (forms[i] & salutation_form) {
      push_whole(part::salutation, i);
    } else if (forms[i] & date_form) {
      push_whole(part::date, i);
    } else if (!heading_seen && is_heading_start(s)) {
      heading_seen = true;  // from here on, a heading and a paragraph are both body
      push_whole(part::body, i);
    } else if (!heading_seen && chars[i] <= 50 && is_strong_title(s)) {
      push_whole(part::title, i);  // the regulation a notice issues: 新余市绿色建筑管理办法
    } else {
      push_whole(part::body, i);
    }
  }

  // 7. The end of the text and of each attachment: 成文日期 with the 发文机关署名 above it
  //    (an 附件： list may come before them), and the closing 同志们，…… of a speech.
  auto last_text_before = [&](std::size_t k) {
    while (k > 0 && items[k - 1].kind == part::noise) --k;
    return k;  // items[k - 1] is the last non-noise item before k, when k > 0
  };
  auto text_of = [&](const item& it) { return text.substr(it.begin, it.end - it.begin); };
  std::vector<std::size_t> part_ends;
  for (std::size_t k = 0; k < items.size(); ++k)
    if (items[k].kind == part::attachment) part_ends.push_back(k);
  part_ends.push_back(items.size());
  std::size_t body_end = part_ends.front();
  for (std::size_t b = 0; b < part_ends.size(); ++b) {
    const std::size_t last = last_text_before(part_ends[b]);
    if (last == 0 || items[last - 1].kind != part::date) continue;
    items[last - 1].root_level = true;
    std::size_t first_end_item = last - 1;
    const std::size_t sig = last_text_before(last - 1);
    if (sig > 0 && items[sig - 1].kind == part::body && is_signature(text_of(items[sig - 1]))) {
      items[sig - 1].kind = part::signature;
      first_end_item = sig - 1;
    }
    if (b == 0)
      body_end = first_end_item;  // else an 附件： list came first: the text ends before it
  }
  const std::size_t closing = last_text_before(body_end);
  if (closing > 0 && items[closing - 1].kind == part::body && items[closing - 1].block_start &&
      match_prefix<g::closing_start>(text_of(items[closing - 1])) > 0)
    items[closing - 1].kind = part::closing;
  for (item& it : items) {
    if (it.kind == part::closing || it.kind == part::attachment || it.kind == part::signature ||
        it.kind == part::title)
      it.root_level = true;
  }
  return items;
}

}  // namespace gongwen::detail
