// Whole-paragraph forms of a document's parts: dates, 发文字号, salutations, 附件 markers.
// Each rule is matched against one paragraph; the *_line rules must consume all of it.
#pragma once

#include "chars.hpp"
#include "numerals.hpp"

namespace gongwen::grammar {

// clang-format off

// 二○一二年一月九日, 2020年2月9日
struct cn_year_digit : one<U'〇', U'○', U'零', U'Ｏ', U'O', U'一', U'二', U'三', U'四', U'五', U'六', U'七', U'八', U'九'> {};
struct year_number : sor<pegtl::rep<4, digit>, pegtl::rep<4, cn_year_digit>> {};
struct month_number : sor<rep_min_max<1, 2, digit>, cn_numeral> {};
struct day_number : sor<rep_min_max<1, 2, digit>, cn_numeral> {};
struct date_end : one<U'日', U'号'> {};
struct calendar_date : seq<year_number, star<blank>, one<U'年'>, star<blank>, month_number, star<blank>, one<U'月'>,
                           star<blank>, day_number, star<blank>, date_end> {};
struct date_line : seq<opt<open_paren>, calendar_date, opt<close_paren>, star<blank>, eof> {};

// （余府发〔2012〕3号） 国发〔2019〕860号
struct doc_number_year : seq<one<U'〔', U'[', U'［', U'（', U'(', U'【'>, pegtl::rep<4, digit>, one<U'〕', U']', U'］', U'）', U')', U'】'>> {};
struct doc_number : seq<rep_min_max<1, 12, sor<han, redaction>>, doc_number_year, star<blank>, rep_min_max<1, 5, digit>, one<U'号'>> {};
struct doc_number_line : seq<opt<open_paren>, doc_number, opt<close_paren>, star<blank>, eof> {};

// 同志们： 各位代表： 尊敬的各位领导、同志们：
struct address_honorific : sor<TAO_PEGTL_STRING("尊敬的"), TAO_PEGTL_STRING("亲爱的")> {};
struct address_term : sor<TAO_PEGTL_STRING("同志们"), TAO_PEGTL_STRING("同事们"), TAO_PEGTL_STRING("朋友们"),
                           TAO_PEGTL_STRING("女士们"), TAO_PEGTL_STRING("先生们"), TAO_PEGTL_STRING("同学们"),
                           TAO_PEGTL_STRING("老师们"), TAO_PEGTL_STRING("各位代表"), TAO_PEGTL_STRING("各位委员"),
                           TAO_PEGTL_STRING("各位领导"), TAO_PEGTL_STRING("各位来宾"), TAO_PEGTL_STRING("各位嘉宾"),
                           TAO_PEGTL_STRING("各位同志"), TAO_PEGTL_STRING("各位同仁"), TAO_PEGTL_STRING("各位专家"),
                           TAO_PEGTL_STRING("各位"), TAO_PEGTL_STRING("大家")> {};
struct address : seq<opt<address_honorific>, address_term> {};
struct salutation_line : seq<address, star<sor<comma, enum_comma, blank>, address>, sor<colon, exclamation, comma>, star<blank>, eof> {};

// The closing paragraph starts 同志们， (or, in a report, 各位代表！)
struct closing_start : seq<address, star<sor<comma, enum_comma>, address>, sor<comma, exclamation>> {};

// 附件 附件1 附件2 名词解释 附件：1.……
struct attachment_marker : seq<TAO_PEGTL_STRING("附件"), sor<seq<star<blank>, sor<pegtl::plus<digit>, cn_numeral>>,
                                                           at<sor<colon, blank, eof>>>> {};

// clang-format on

}  // namespace gongwen::grammar
