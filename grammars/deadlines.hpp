// Deadlines: the time by which work is due.
//
//   ×月底前 9月底前 6月30日前 X月X日前 2021年6月底前 9月份 明年×月底   (a month)
//   年底前 年内 今年内 明年底前                                        (a year)
//   三季度 第三季度末 一季度末前 上半年 下半年                            (a quarter, a half)
//   本周内 本月内 本月底前 3日内 15个工作日内 两个月内 三年内             (a period from now)
//   春节前 清明节前 汛前 开学前                                          (a festival, a season)
//
// Redacted digits (× X XX) stand where digits would. A bare date or year in running
// text (2020年, 6月召开) is no deadline: a month needs 底/末/旬/份/前/内 or a day with 前/内.
#pragma once

#include "chars.hpp"
#include "first_chars.hpp"
#include "numerals.hpp"
#include "words.hpp"

namespace gongwen::grammar {

// clang-format off
struct redacted_number : plus<redaction> {};
struct month_digits : sor<rep_min_max<1, 2, digit>, redacted_number,
                          TAO_PEGTL_STRING("十一"), TAO_PEGTL_STRING("十二"),
                          one<U'一', U'二', U'三', U'四', U'五', U'六', U'七', U'八', U'九', U'十'>> {};
struct day_digits : sor<rep_min_max<1, 2, digit>, redacted_number, cn_numeral> {};
struct year_digits : sor<pegtl::rep<4, digit>, redacted_number> {};

struct absolute_year : seq<year_digits, one<U'年'>> {};
struct this_year : sor<TAO_PEGTL_STRING("今年"), TAO_PEGTL_STRING("本年度"), TAO_PEGTL_STRING("本年"), TAO_PEGTL_STRING("当年")> {};
struct next_year : TAO_PEGTL_STRING("明年") {};
struct year_after : TAO_PEGTL_STRING("后年") {};
struct relative_year : sor<this_year, next_year, year_after> {};
struct year : sor<absolute_year, relative_year> {};

struct month : seq<month_digits, one<U'月'>> {};
struct day : seq<day_digits, one<U'日', U'号'>> {};
struct month_end : sor<one<U'底', U'末'>> {};
struct month_early : TAO_PEGTL_STRING("上旬") {};
struct month_middle : TAO_PEGTL_STRING("中旬") {};
struct month_late : TAO_PEGTL_STRING("下旬") {};
struct month_during : one<U'份'> {};
struct before : sor<TAO_PEGTL_STRING("以前"), TAO_PEGTL_STRING("之前"), one<U'前'>> {};
struct within : sor<TAO_PEGTL_STRING("以内"), TAO_PEGTL_STRING("之内"), one<U'内'>> {};
struct bound : sor<before, within> {};

// 9月底前 6月30日前 ×月中旬 9月份 (after a year: 2021年6月底前 明年×月底)
struct month_rest : seq<month, sor<seq<day, bound>, seq<sor<month_end, month_early, month_middle, month_late>, opt<bound>>,
                                   month_during, bound>> {};
struct month_deadline : month_rest {};
// 年底前 年末 年内: this year's end, or within it. After a year: 2021年底前 明年底前 今年年底
// 本年度末 (the year's own 年 read with the year), 今年内 2021年内.
struct year_end_mark : sor<one<U'底', U'末'>, TAO_PEGTL_STRING("终")> {};
struct year_end_word : seq<one<U'年'>, year_end_mark> {};
struct year_end_rest : seq<opt<one<U'年'>>, year_end_mark, opt<bound>> {};
struct within_year : seq<one<U'年'>, within> {};
struct year_within_rest : seq<opt<one<U'年'>>, within> {};
struct year_deadline : sor<seq<year_end_word, opt<bound>>, within_year> {};
// 三季度 第三季度末 一季度末前 上半年 下半年
struct quarter_number : sor<one<U'一', U'二', U'三', U'四', U'1', U'2', U'3', U'4'>, redacted_number> {};
struct quarter : seq<opt<one<U'第'>>, quarter_number, TAO_PEGTL_STRING("季度")> {};
struct first_half : TAO_PEGTL_STRING("上半年") {};
struct second_half : TAO_PEGTL_STRING("下半年") {};
// A bare 三季度 or 下半年 is a deadline only as a time frame (下半年，…) or before work
// finished (三季度完成主体工程); 上半年经济运行形势 names no deadline.
struct completion : sor<TAO_PEGTL_STRING("完成"), TAO_PEGTL_STRING("建成"), TAO_PEGTL_STRING("开工"),
                        TAO_PEGTL_STRING("竣工"), TAO_PEGTL_STRING("投产"), TAO_PEGTL_STRING("启动"),
                        TAO_PEGTL_STRING("实现"), TAO_PEGTL_STRING("达到"), TAO_PEGTL_STRING("到位"),
                        TAO_PEGTL_STRING("上线"), TAO_PEGTL_STRING("落实"), TAO_PEGTL_STRING("全面"),
                        TAO_PEGTL_STRING("全部"), TAO_PEGTL_STRING("要"), comma> {};
struct quarter_rest : seq<sor<quarter, first_half, second_half>,
                          sor<seq<opt<sor<month_end, TAO_PEGTL_STRING("中")>>, bound>,
                              month_end, at<completion>>> {};
struct quarter_deadline : quarter_rest {};
// A year, read once, and what it dates: a month, its end, the year itself, a quarter or a
// half (2021年6月底前 明年底前 今年内 明年一季度末).
struct dated_deadline : seq<year, first_sor<month_rest, year_end_rest, year_within_rest, quarter_rest>> {};
// 年 ends the word that names a year after a digit (2021年 二〇二一年), a count (三年 两年)
// or a word for a year (去年 明年 上年 同年): there it begins no deadline of its own.
// 去年底 and 一九五四年底 lie in the past, 三年内 is a period (read from 三), 明年底前
// is read from 明.
struct year_word_head : sor<one<U'去', U'前', U'上', U'今', U'明', U'后', U'本', U'当', U'次', U'同', U'该', U'翌', U'近',
                                U'两', U'半', U'几', U'多', U'数'>,
                            digit, cn_digit, cn_zero, cn_ten, cn_hundred> {};
// 本周内 本月内 本月底前 3日内 15个工作日内 两个月内 三年内
struct this_week : sor<TAO_PEGTL_STRING("本周"), TAO_PEGTL_STRING("这周")> {};
struct this_month : sor<TAO_PEGTL_STRING("本月"), TAO_PEGTL_STRING("当月")> {};
struct period_count : sor<plus<digit>, redacted_number, cn_numeral, one<U'两', U'半'>> {};
struct period_unit : sor<TAO_PEGTL_STRING("个工作日"), TAO_PEGTL_STRING("工作日"), TAO_PEGTL_STRING("个月"),
                         TAO_PEGTL_STRING("个星期"), one<U'日', U'天', U'周', U'年'>, TAO_PEGTL_STRING("星期")> {};
struct period_deadline : sor<seq<this_week, sor<within, seq<one<U'末'>, opt<bound>>>>,
                             seq<this_month, sor<within, seq<one<U'底', U'末'>, opt<bound>>>>,
                             seq<period_count, period_unit, within>> {};

// 至6月30日 截至9月底: the end of a period that runs until then.
struct until_word : sor<TAO_PEGTL_STRING("截止到"), TAO_PEGTL_STRING("截至"), TAO_PEGTL_STRING("截止"), one<U'至'>> {};
struct until_deadline : seq<until_word, opt<year>, month, opt<sor<day, month_end>>> {};

// 每月5日前: a day of every month.
struct monthly_deadline : seq<TAO_PEGTL_STRING("每月"), day, bound> {};

// 春节前 清明节前 国庆节之前 汛前 主汛期前 开学前: a festival or season of the year.
struct season_word : longest_word<TAO_PEGTL_STRING("春节"), TAO_PEGTL_STRING("元旦"), TAO_PEGTL_STRING("清明节"),
                                  TAO_PEGTL_STRING("清明"), TAO_PEGTL_STRING("端午节"), TAO_PEGTL_STRING("端午"),
                                  TAO_PEGTL_STRING("中秋节"), TAO_PEGTL_STRING("中秋"), TAO_PEGTL_STRING("国庆节"),
                                  TAO_PEGTL_STRING("国庆"), TAO_PEGTL_STRING("劳动节"),
                                  TAO_PEGTL_STRING("汛"), TAO_PEGTL_STRING("汛期"), TAO_PEGTL_STRING("主汛期"),
                                  TAO_PEGTL_STRING("入汛"), TAO_PEGTL_STRING("开学"), TAO_PEGTL_STRING("秋收"),
                                  TAO_PEGTL_STRING("春耕"), TAO_PEGTL_STRING("夏收"), TAO_PEGTL_STRING("麦收"),
                                  TAO_PEGTL_STRING("冬季"), TAO_PEGTL_STRING("入冬"), TAO_PEGTL_STRING("供暖季"),
                                  TAO_PEGTL_STRING("雨季"), TAO_PEGTL_STRING("年关")> {};
struct season_deadline : seq<season_word, before> {};

struct deadline : first_sor<dated_deadline, month_deadline, year_deadline, quarter_deadline, period_deadline,
                            until_deadline, monthly_deadline, season_deadline> {};

// Every deadline holds one of these characters: a month (月), a year (年), a quarter (季),
// a bound (内 前) or 末 (本周末). No deadline starts after the last of them in a
// sentence, so the search for deadlines stops there. A test holds the grammar to this.
struct deadline_terminal : one<U'月', U'年', U'季', U'内', U'前', U'末'> {};
// clang-format on

}  // namespace gongwen::grammar
