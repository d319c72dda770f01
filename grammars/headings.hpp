// Ordinal heading markers, one family per style of the marker inventory.
//
// A marker is tried only where a heading may start: at a paragraph start
// (block_marker) or right after a sentence end or colon (inline_marker). Each
// rule says what follows a marker for it to be one, so running prose such as
// 第一要务, 一分部署, 1.5亿元, 2020年, 第二产业, 第三条规定 does not match.
#pragma once

#include "chars.hpp"
#include "first_chars.hpp"
#include "numerals.hpp"
#include "words.hpp"

namespace gongwen::grammar {

// clang-format off

// Text converted from PDF or typeset pages may pad a marker: 一 、 （ 一 ） 1 、
struct pad : rep_max<2, blank> {};

// 一、 十二、 一． (not 一、二季度 or 一、二、三产业: a list of numerals)
struct cn_dun_rest : seq<pad, sor<enum_comma, one<U'．', U'.'>>, not_at<cn_numeral, sor<enum_comma, TAO_PEGTL_STRING("季度")>>> {};
struct cn_dun_marker : seq<cn_numeral, cn_dun_rest> {};

// （一） (一) ㈠
struct cn_paren_marker : sor<seq<open_paren, pad, cn_numeral, pad, close_paren>, range<U'㈠', U'㈩'>> {};

// 第一件事， 第二项： 第三点 第一个问题：
struct measure_word : sor<TAO_PEGTL_STRING("件事"), TAO_PEGTL_STRING("个问题"), TAO_PEGTL_STRING("个方面"),
                          TAO_PEGTL_STRING("方面"), one<U'件', U'项', U'点', U'步', U'类', U'个', U'批'>> {};
struct cn_di_measure_marker : seq<one<U'第'>, cn_numeral, measure_word, sor<marker_punct, one<U'是'>, at<blank>>> {};

// 第一， 第二、 第三： 第一是
struct cn_di_marker : seq<one<U'第'>, cn_numeral, sor<marker_punct, one<U'是'>>> {};

// 一是 二要 三抓 一则 (not 三要素)
struct cn_verb_rest : seq<one<U'是', U'要', U'抓', U'则'>, not_at<one<U'素'>>> {};
struct cn_verb_marker : seq<cn_numeral, cn_verb_rest> {};

// Both, the numeral read once: the character after it says which (first_sor).
struct cn_numeral_marker : seq<cn_numeral, first_sor<cn_dun_rest, cn_verb_rest>> {};

// 1. 1． 1、 ⒈ (not 1.5)
struct arabic_dot_marker : sor<seq<arabic_numeral, pad, sor<one<U'.', U'．'>, enum_comma>, not_at<pad, digit>>, range<U'⒈', U'⒛'>> {};

// （1） (1) 1） ⑴
struct arabic_paren_marker : sor<seq<open_paren, pad, arabic_numeral, pad, close_paren>,
                                 seq<arabic_numeral, close_paren>, range<U'⑴', U'⒇'>> {};

// ① … ㊿
struct circled_marker : sor<range<U'①', U'⑳'>, range<U'㉑', U'㉟'>, range<U'㊱', U'㊿'>> {};

// 一方面， 另一方面， 另方面，
struct aspect_first : TAO_PEGTL_STRING("一方面") {};
struct aspect_other : sor<TAO_PEGTL_STRING("另一方面"), TAO_PEGTL_STRING("另方面")> {};
struct aspect_marker : seq<sor<aspect_other, aspect_first>, opt<marker_punct>> {};

// 首先 其次 再次 最后 (not 再次强调, 最后一次)
struct sequence_first : TAO_PEGTL_STRING("首先") {};
struct sequence_second : TAO_PEGTL_STRING("其次") {};
struct sequence_third : seq<TAO_PEGTL_STRING("再次"), at<sor<marker_punct, one<U'是'>>>> {};
struct sequence_point : sor<TAO_PEGTL_STRING("一点"), TAO_PEGTL_STRING("一条"), TAO_PEGTL_STRING("一个方面")> {};
struct sequence_last : seq<TAO_PEGTL_STRING("最后"), sor<seq<sequence_point, opt<marker_punct>>, at<marker_punct>, at<one<U'是', U'要'>>>> {};
struct sequence_marker : seq<sor<sequence_first, sequence_second, sequence_third, sequence_last>, opt<marker_punct>> {};

// —— at a paragraph start: a dash item, one paragraph long.
struct dash_marker : seq<sor<seq<one<U'—'>, opt<one<U'—'>>>, seq<one<U'―'>, opt<one<U'―'>>>,
                             seq<one<U'─'>, one<U'─'>>, seq<one<U'－'>, one<U'－'>>>,
                         not_at<one<U'—', U'―', U'─', U'－'>>, not_at<eof>> {};

// 第一章 第一节 第一编 第一部分, at a paragraph start.
struct chapter_word : sor<one<U'章', U'节', U'编'>, TAO_PEGTL_STRING("部分")> {};
struct chapter_marker : seq<one<U'第'>, sor<cn_numeral, arabic_numeral>, chapter_word,
                            not_at<sor<one<U'的', U'中', U'里', U'所', U'是', U'之'>, TAO_PEGTL_STRING("规定")>>> {};

// 第一条, at a paragraph start (not 第三条规定, 第一条第二款).
struct article_marker : seq<one<U'第'>, sor<cn_numeral, arabic_numeral>, one<U'条'>,
                            not_at<one<U'规', U'的', U'之', U'中', U'所', U'第', U'款', U'和', U'、', U'至', U'或', U'及', U'以', U'项', U'明', U'要'>>> {};

// A topic lead: a short phrase ending in 方面 or 上 (现代农业方面： 岗位对接上， 在稳就业方面，).
// Never a set phrase (事实上, 基础上 …) nor a clause (我们无论在什么岗位上，).
struct topic_end : sor<TAO_PEGTL_STRING("方面"), one<U'上'>> {};
struct topic_punct : sor<comma, colon, full_stop> {};
struct topic_set_phrase : longest_word<TAO_PEGTL_STRING("事实上"), TAO_PEGTL_STRING("实际上"), TAO_PEGTL_STRING("总体上"),
                              TAO_PEGTL_STRING("基本上"), TAO_PEGTL_STRING("原则上"), TAO_PEGTL_STRING("历史上"),
                              TAO_PEGTL_STRING("基础上"), TAO_PEGTL_STRING("路上"), TAO_PEGTL_STRING("会议上"),
                              TAO_PEGTL_STRING("会上"), TAO_PEGTL_STRING("网上"), TAO_PEGTL_STRING("线上"),
                              TAO_PEGTL_STRING("手上"), TAO_PEGTL_STRING("身上"), TAO_PEGTL_STRING("世界上"),
                              TAO_PEGTL_STRING("意义上"), TAO_PEGTL_STRING("程度上"), TAO_PEGTL_STRING("本质上"),
                              TAO_PEGTL_STRING("根本上"), TAO_PEGTL_STRING("客观上"), TAO_PEGTL_STRING("主观上"),
                              TAO_PEGTL_STRING("表面上"), TAO_PEGTL_STRING("实质上"), TAO_PEGTL_STRING("理论上"),
                              TAO_PEGTL_STRING("以上"), TAO_PEGTL_STRING("之上")> {};
struct topic_clause_word : longest_word<TAO_PEGTL_STRING("无论"), TAO_PEGTL_STRING("不论"), TAO_PEGTL_STRING("如果"),
                               TAO_PEGTL_STRING("假如"), TAO_PEGTL_STRING("只要"), TAO_PEGTL_STRING("只有"),
                               TAO_PEGTL_STRING("什么"), TAO_PEGTL_STRING("怎么"), TAO_PEGTL_STRING("已经"),
                               TAO_PEGTL_STRING("正在"), TAO_PEGTL_STRING("他们"), TAO_PEGTL_STRING("大家"),
                               TAO_PEGTL_STRING("都要"), TAO_PEGTL_STRING("也要"), TAO_PEGTL_STRING("就要"),
                               TAO_PEGTL_STRING("还要"), TAO_PEGTL_STRING("又要"), TAO_PEGTL_STRING("都是"),
                               TAO_PEGTL_STRING("也是"), TAO_PEGTL_STRING("就是"), TAO_PEGTL_STRING("还是"),
                               TAO_PEGTL_STRING("我"), TAO_PEGTL_STRING("你"), TAO_PEGTL_STRING("咱"),
                               TAO_PEGTL_STRING("她"), TAO_PEGTL_STRING("它"), TAO_PEGTL_STRING("这"),
                               TAO_PEGTL_STRING("那"), TAO_PEGTL_STRING("哪"), TAO_PEGTL_STRING("把"),
                               TAO_PEGTL_STRING("被")> {};
// A count of aspects is a clause too: 重点抓好四个方面。
struct topic_count : seq<one<U'一', U'二', U'三', U'四', U'五', U'六', U'七', U'八', U'九', U'十', U'两', U'几', U'多',
                             U'各', U'诸', U'数'>, opt<one<U'个', U'大', U'项'>>, TAO_PEGTL_STRING("方面")> {};
struct topic_stop : sor<seq<topic_set_phrase, topic_punct>, seq<topic_count, topic_punct>, seq<topic_end, topic_punct>,
                        topic_clause_word> {};
struct topic_char : seq<not_at<topic_stop>, sor<han, latin, digit>> {};
struct topic_lead : seq<opt<one<U'在'>>, rep_min_max<1, 10, topic_char>, topic_end> {};
struct topic_marker : seq<topic_lead, topic_punct> {};

// Markers allowed anywhere a heading may start, and the extra ones only a paragraph start allows.
// The ordinal markers begin with a numeral or a fixed word, each family with a few characters of
// its own: only the families the first character allows are tried. A topic lead can begin with
// anything.
struct ordinal_marker : first_sor<cn_paren_marker, cn_di_measure_marker, cn_di_marker, cn_numeral_marker,
                                  aspect_marker, sequence_marker, arabic_paren_marker, arabic_dot_marker,
                                  circled_marker> {};
struct inline_marker : sor<ordinal_marker, topic_marker> {};

struct block_ordinal_marker : first_sor<dash_marker, chapter_marker, article_marker, ordinal_marker> {};
struct block_marker : sor<block_ordinal_marker, topic_marker> {};

// clang-format on

}  // namespace gongwen::grammar
