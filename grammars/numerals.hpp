// Chinese and Arabic numerals as they appear in ordinals: 一 十二 二十三 一百零五, 1 12 １２.
#pragma once

#include "chars.hpp"

namespace gongwen::grammar {

// clang-format off
struct cn_digit : one<U'一', U'二', U'三', U'四', U'五', U'六', U'七', U'八', U'九'> {};
struct cn_zero : one<U'〇', U'零', U'○'> {};
struct cn_ten : one<U'十'> {};
struct cn_hundred : one<U'百'> {};

// What follows a leading digit, or stands alone: 十 十三 (tens), 百 百零五 百二十三 (hundreds).
struct cn_tens_rest : seq<cn_ten, opt<cn_digit>> {};
struct cn_hundreds_rest : seq<cn_hundred, opt<sor<seq<cn_zero, cn_digit>, seq<cn_digit, cn_tens_rest>>>> {};
// 1 … 999 written in Chinese numerals: 三 二十三 一百零五 一百二十, or 十 十一. The leading
// digit is read once, then what may follow it.
struct cn_numeral : sor<seq<cn_digit, opt<sor<cn_hundreds_rest, cn_tens_rest>>>, cn_tens_rest> {};

// 1 … 999 in ASCII or full-width digits, not part of a longer number.
struct arabic_numeral : seq<rep_min_max<1, 3, digit>, not_at<digit>> {};
// clang-format on

}  // namespace gongwen::grammar
