// The heading grammars, rule by rule, and what a found heading carries.
#include <doctest/doctest.h>

#include "builder.hpp"
#include "grammar_match.hpp"
#include "headings.hpp"
#include "helpers.hpp"
#include "text.hpp"

#include <string>
#include <utility>
#include <vector>

namespace g = gongwen::grammar;
using gongwen::test::match;
using gongwen::test::sections;

TEST_SUITE("grammar: numerals") {
  TEST_CASE("Chinese numerals up to 九十九 and beyond") {
    CHECK(match<g::cn_numeral>("一、") == "一");
    CHECK(match<g::cn_numeral>("十、") == "十");
    CHECK(match<g::cn_numeral>("十一、") == "十一");
    CHECK(match<g::cn_numeral>("二十三、") == "二十三");
    CHECK(match<g::cn_numeral>("九十九是") == "九十九");
    CHECK(match<g::cn_numeral>("一百零五、") == "一百零五");
    CHECK_FALSE(match<g::cn_numeral>("零"));
    CHECK_FALSE(match<g::cn_numeral>("第一"));
  }
  // The numeral as it reads longhand: hundreds, else tens, else a digit. The grammar
  // reads the leading digit once; both must take the same prefix of every string.
  struct tens_longhand
      : tao::pegtl::sor<tao::pegtl::seq<g::cn_digit, g::cn_ten, tao::pegtl::opt<g::cn_digit>>,
                        tao::pegtl::seq<g::cn_ten, tao::pegtl::opt<g::cn_digit>>> {};
  struct hundreds_longhand
      : tao::pegtl::seq<
            g::cn_digit, g::cn_hundred,
            tao::pegtl::opt<tao::pegtl::sor<
                tao::pegtl::seq<g::cn_zero, g::cn_digit>,
                tao::pegtl::seq<g::cn_digit, g::cn_ten, tao::pegtl::opt<g::cn_digit>>>>> {};
  struct numeral_longhand : tao::pegtl::sor<hundreds_longhand, tens_longhand, g::cn_digit> {};
  TEST_CASE(
      "Chinese numerals: the grammar takes what the longhand reading takes, on every short "
      "string") {
    const std::vector<std::string> pieces = {"一", "二", "九", "十", "百", "零", "〇", "是", "、"};
    std::size_t strings = 0, numerals = 0;
    std::vector<std::size_t> at(5, 0);
    for (std::size_t len = 1; len <= 5; ++len) {
      at.assign(len, 0);
      while (true) {
        std::string s;
        for (const std::size_t k : at) s += pieces[k];
        const std::size_t got = gongwen::detail::match_prefix<g::cn_numeral>(s);
        CHECK_MESSAGE(got == gongwen::detail::match_prefix<numeral_longhand>(s), s);
        numerals += got > 0;
        ++strings;
        std::size_t i = 0;  // the next string: count up in base pieces.size()
        while (i < len && ++at[i] == pieces.size()) at[i++] = 0;
        if (i == len) break;
      }
    }
    CHECK(strings == 9 + 81 + 729 + 6561 + 59049);
    CHECK(numerals > strings / 3);
  }
  TEST_CASE("Arabic numerals, ASCII and full-width, not part of a longer number") {
    CHECK(match<g::arabic_numeral>("12.") == "12");
    CHECK(match<g::arabic_numeral>("１２．") == "１２");
    CHECK_FALSE(match<g::arabic_numeral>("2020年"));
  }
}

TEST_SUITE("grammar: markers") {
  TEST_CASE("cn-dun 一、") {
    CHECK(match<g::cn_dun_marker>("一、准确把握经济发展态势") == "一、");
    CHECK(match<g::cn_dun_marker>("十二、加强") == "十二、");
    CHECK(match<g::cn_dun_marker>("一、2024年工作回顾") == "一、");
    CHECK_FALSE(match<g::cn_dun_marker>("一是"));
    CHECK_FALSE(match<g::cn_dun_marker>("一分部署、九分落实"));
    CHECK_FALSE(match<g::cn_dun_marker>("一、二季度，全县经济运行平稳"));
    CHECK_FALSE(match<g::cn_dun_marker>("一、二、三产业协调发展"));
    CHECK(match<g::cn_dun_marker>("一、三级医院建设") == "一、");
  }
  TEST_CASE("cn-paren （一） (一) ㈠") {
    CHECK(match<g::cn_paren_marker>("（一）全力保障就业") == "（一）");
    CHECK(match<g::cn_paren_marker>("(十二)加强") == "(十二)");
    CHECK(match<g::cn_paren_marker>("㈢太阳能") == "㈢");
    CHECK_FALSE(match<g::cn_paren_marker>("（1）"));
    CHECK_FALSE(match<g::cn_paren_marker>("（一"));
  }
  TEST_CASE("cn-di 第一， 第二、 第三： 第一是") {
    CHECK(match<g::cn_di_marker>("第一，围绕") == "第一，");
    CHECK(match<g::cn_di_marker>("第二、聚焦") == "第二、");
    CHECK(match<g::cn_di_marker>("第三：凝聚") == "第三：");
    CHECK(match<g::cn_di_marker>("第一是现代工业") == "第一是");
    CHECK_FALSE(match<g::cn_di_marker>("第一要务"));
    CHECK_FALSE(match<g::cn_di_marker>("第二产业增加值"));
    CHECK_FALSE(match<g::cn_di_marker>("第一书记"));
  }
  TEST_CASE("cn-di-measure 第一件事， 第二项 第三点 第一步 第一个问题：") {
    CHECK(match<g::cn_di_measure_marker>("第一件事，搭建") == "第一件事，");
    CHECK(match<g::cn_di_measure_marker>("第二项：") == "第二项：");
    CHECK(match<g::cn_di_measure_marker>("第三点 要") == "第三点");
    CHECK(match<g::cn_di_measure_marker>("第一步，摸清底数") == "第一步，");
    CHECK(match<g::cn_di_measure_marker>("第一个问题：") == "第一个问题：");
    CHECK_FALSE(match<g::cn_di_measure_marker>("第二个百年奋斗目标"));
    CHECK_FALSE(match<g::cn_di_measure_marker>("第一项任务是"));
  }
  TEST_CASE("cn-verb 一是 二要 三抓 一则") {
    CHECK(match<g::cn_verb_marker>("一是着力保就业") == "一是");
    CHECK(match<g::cn_verb_marker>("二要着力保基本民生") == "二要");
    CHECK(match<g::cn_verb_marker>("三抓项目") == "三抓");
    CHECK(match<g::cn_verb_marker>("一则以喜") == "一则");
    CHECK(match<g::cn_verb_marker>("十一是") == "十一是");
    CHECK_FALSE(match<g::cn_verb_marker>("三要素齐备"));
    CHECK_FALSE(match<g::cn_verb_marker>("一岗双责"));
    CHECK_FALSE(match<g::cn_verb_marker>("一体研究"));
  }
  TEST_CASE("arabic-dot 1. 1． 1、 ⒈") {
    CHECK(match<g::arabic_dot_marker>("1.实行") == "1.");
    CHECK(match<g::arabic_dot_marker>("12．强化") == "12．");
    CHECK(match<g::arabic_dot_marker>("3、加强") == "3、");
    CHECK(match<g::arabic_dot_marker>("⒉推进") == "⒉");
    CHECK_FALSE(match<g::arabic_dot_marker>("1.5亿元"));
    CHECK_FALSE(match<g::arabic_dot_marker>("2020年"));
    CHECK_FALSE(match<g::arabic_dot_marker>("2020.3"));
  }
  TEST_CASE("arabic-paren （1） (1) 1） ⑴") {
    CHECK(match<g::arabic_paren_marker>("（1）坚持") == "（1）");
    CHECK(match<g::arabic_paren_marker>("(2)坚持") == "(2)");
    CHECK(match<g::arabic_paren_marker>("3）坚持") == "3）");
    CHECK(match<g::arabic_paren_marker>("⑷坚持") == "⑷");
    CHECK_FALSE(match<g::arabic_paren_marker>("（2020）"));
  }
  TEST_CASE("markers padded by typesetting: 一 、 （ 一 ） 1 、") {
    CHECK(match<g::cn_dun_marker>("一 、总则") == "一 、");
    CHECK(match<g::cn_dun_marker>("二．职责分工") == "二．");
    CHECK(match<g::cn_paren_marker>("（ 一 ）适用范围") == "（ 一 ）");
    CHECK(match<g::arabic_dot_marker>("1 、坚持统一领导") == "1 、");
    CHECK(match<g::arabic_paren_marker>("( 3 )坚持") == "( 3 )");
    CHECK_FALSE(match<g::arabic_dot_marker>("1 . 5亿元"));
    CHECK_FALSE(
        match<g::cn_dun_marker>("一   、"));  // more than two blanks is layout, not a marker
    CHECK(sections("一 、总则\n（ 一 ）适用范围\n1 、适用于全县。\n二．职责分工\n") ==
          "1:一 、 2:（ 一 ） 3:1 、 1:二．");
  }
  TEST_CASE("circled ① … ⑳ ㉑") {
    CHECK(match<g::circled_marker>("①节水") == "①");
    CHECK(match<g::circled_marker>("⑳") == "⑳");
    CHECK(match<g::circled_marker>("㉑") == "㉑");
    CHECK_FALSE(match<g::circled_marker>("○"));
  }
  TEST_CASE("aspect 一方面 另一方面 另方面") {
    CHECK(match<g::aspect_marker>("一方面，县发改局牵头") == "一方面，");
    CHECK(match<g::aspect_marker>("另一方面，县商务局") == "另一方面，");
    CHECK(match<g::aspect_marker>("另方面则积极地进行") == "另方面");
    CHECK_FALSE(match<g::aspect_marker>("多方面"));
  }
  TEST_CASE("sequence 首先 其次 再次 最后") {
    CHECK(match<g::sequence_marker>("首先推进产业振兴") == "首先");
    CHECK(match<g::sequence_marker>("其次，推进人才振兴") == "其次，");
    CHECK(match<g::sequence_marker>("再次，要") == "再次，");
    CHECK(match<g::sequence_marker>("最后，做好") == "最后，");
    CHECK(match<g::sequence_marker>("最后一点，") == "最后一点，");
    CHECK_FALSE(match<g::sequence_marker>("再次强调"));
    CHECK_FALSE(match<g::sequence_marker>("最后一公里"));
  }
  TEST_CASE("dash —— at a paragraph start") {
    CHECK(match<g::dash_marker>("——经济跨上新台阶") == "——");
    CHECK(match<g::dash_marker>("—要通过") == "—");
    CHECK_FALSE(match<g::dash_marker>("———"));
    CHECK_FALSE(match<g::dash_marker>("——"));
  }
  TEST_CASE("chapter 第一章 第一节 第一部分") {
    CHECK(match<g::chapter_marker>("第一章　总则") == "第一章");
    CHECK(match<g::chapter_marker>("第二节 设计") == "第二节");
    CHECK(match<g::chapter_marker>("第三部分　保障措施") == "第三部分");
    CHECK_FALSE(match<g::chapter_marker>("第一章的规定"));
  }
  TEST_CASE("article 第一条") {
    CHECK(match<g::article_marker>("第一条　为了加强") == "第一条");
    CHECK(match<g::article_marker>("第二十九条　本办法") == "第二十九条");
    CHECK_FALSE(match<g::article_marker>("第三条规定的"));
    CHECK_FALSE(match<g::article_marker>("第一条第二款"));
  }
  TEST_CASE("topic leads: short phrases ending in 方面 or 上") {
    CHECK(match<g::topic_marker>("现代农业方面：抓好") == "现代农业方面：");
    CHECK(match<g::topic_marker>("岗位对接上，对前期") == "岗位对接上，");
    CHECK(match<g::topic_marker>("在稳就业方面，") == "在稳就业方面，");
    CHECK(match<g::topic_marker>("政府性债务化解方面。一是") == "政府性债务化解方面。");
    CHECK(match<g::topic_marker>("就业奖补上，要按照") == "就业奖补上，");
  }
  TEST_CASE("topic leads: never set phrases, clauses, or long phrases") {
    CHECK_FALSE(match<g::topic_marker>("事实上，"));
    CHECK_FALSE(match<g::topic_marker>("在此基础上，"));
    CHECK_FALSE(match<g::topic_marker>("总体上，"));
    CHECK_FALSE(match<g::topic_marker>("我们无论在什么岗位上，"));
    CHECK_FALSE(match<g::topic_marker>("如果把发展抓不在手上，"));
    CHECK_FALSE(match<g::topic_marker>("在全县经济社会发展大局的各个方面上，"));
    CHECK_FALSE(match<g::topic_marker>("重点抓好四个方面。"));
    CHECK_FALSE(match<g::topic_marker>("涉及各方面，"));
    CHECK_FALSE(match<g::topic_marker>("做好以下两个方面："));
    CHECK_FALSE(match<g::topic_marker>("上半年，"));
  }
}

namespace {
/// The value and style name of every section's ordinal, in document order.
std::pair<std::vector<int>, std::vector<std::string_view>> ordinals(const gongwen::document& doc) {
  std::vector<int> values;
  std::vector<std::string_view> styles;
  for (const auto& n : doc.nodes()) {
    if (n.type != gongwen::node_type::section) continue;
    values.push_back(doc.ordinal_of(n).value);
    styles.push_back(gongwen::name(doc.ordinal_of(n).style));
  }
  return {values, styles};
}
}  // namespace

TEST_SUITE("headings in paragraphs") {
  TEST_CASE("values of every family") {
    const auto doc = gongwen::parse(
        "十二、甲\n（十一）乙\n第二十三，丙\n第四件事，丁\n九是戊\n15."
        "己\n（7）庚\n⑫辛\n另一方面，壬\n其次，癸\n再次，子\n最后，丑\n");
    const auto [values, styles] = ordinals(doc);
    CHECK(values == std::vector<int>{12, 11, 23, 4, 9, 15, 7, 12, 2, 2, 3, 0});
    CHECK(styles == std::vector<std::string_view>{
                        "cn-dun", "cn-paren", "cn-di", "cn-di-measure", "cn-verb", "arabic-dot",
                        "arabic-paren", "circled", "aspect", "sequence", "sequence", "sequence"});
  }

  TEST_CASE("values of enclosed-character markers") {
    const auto doc = gongwen::parse("㈢甲\n⒋乙\n⑸丙\n㉓丁\n㊲戊\n");
    const auto [values, styles] = ordinals(doc);
    CHECK(values == std::vector<int>{3, 4, 5, 23, 37});
    CHECK(styles == std::vector<std::string_view>{"cn-paren", "arabic-dot", "arabic-paren",
                                                  "circled", "circled"});
  }

  TEST_CASE("running prose is not cut into headings") {
    const char* prose[] = {
        "发展是第一要务。第一要务就是发展。",
        "一分部署、九分落实。一分部署，九分落实。",
        "“一把手”要亲自抓。“一把手”负总责。",
        "投资1.5亿元。1.5亿元全部到位。",
        "2020年，全县生产总值增长。2020年以来成效明显。",
        "第二产业增加值增长。第二产业比重偏低。",
        "落实一岗双责。一岗双责要压实。",
        "十四五时期很关键。十四五规划已经编制。",
        "三季度完成。三季度末全部完工。一季度末启动。",
        "按照第三条规定办理。第三条规定的情形除外。",
        "推进一网通办。一网通办事项达到×项。一体研究部署。",
        "重点抓好四个方面。四个方面都要抓好。",
        "事实上，工作还有差距。在此基础上，要再加力。",
    };
    for (const char* p : prose) {
      INFO(p);
      CHECK(sections(std::string("一、标题\n") + p) == "1:一、");
    }
  }

  TEST_CASE("a heading needs a boundary: 一是……，二是…… inside one sentence is one sentence") {
    CHECK(sections("一、标题\n我们要做到一是要快，二是要实，三是要好。") == "1:一、");
    CHECK(sections("一、标题\n我们要做到：一是要快；二是要实；三是要好。") ==
          "1:一、 2:一是 2:二是 2:三是");
  }

  TEST_CASE("inline headings after sentence ends and colons, closing quotes skipped") {
    CHECK(sections("四、扎实做好“六稳”“六保”。特别要突出以下几点：一是着力保就业。全面落实。二要着"
                   "力保基本民生。三要着力保市场主体。") == "1:四、 2:一是 2:二要 2:三要");
    CHECK(sections("他说：“这是大事。”一是要重视。二是要落实。") == "1:一是 1:二是");
  }

  TEST_CASE("the text before an inline heading ends before the blanks that precede it") {
    // Blanks of every width after a sentence end, a closing quote, a topic lead; and none.
    const auto doc = gongwen::parse(
        "一、总体要求\n要抓好落实。\u3000一是加强领导。  二是压实责任。”\u3000三是强化督查。四是"
        "严格考核。\n工业方面， 一是稳增长。\n农业方面，一是稳产能。\n");
    CHECK(sections(doc) ==
          "1:一、 2:一是 2:二是 2:三是 2:四是 2:工业方面， 3:一是 2:农业方面， 3:一是");
    std::vector<std::string_view> pieces;
    for (const auto& n : doc.nodes())
      if (n.type == gongwen::node_type::paragraph) pieces.push_back(doc.text(n.span));
    CHECK(pieces == std::vector<std::string_view>{"一、总体要求", "要抓好落实。", "一是加强领导。",
                                                  "二是压实责任。”", "三是强化督查。",
                                                  "四是严格考核。", "工业方面，", "一是稳增长。",
                                                  "农业方面，", "一是稳产能。"});
    CHECK(gongwen::check_invariants(doc).empty());
  }

  TEST_CASE("a heading right after a topic lead") {
    CHECK(sections("三、乡村振兴\n脱贫攻坚方面。一是巩固成果。二是防止返贫。\n乡村振兴方面，首先推"
                   "进产业振兴。\n其次，推进人才振兴。") ==
          "1:三、 2:脱贫攻坚方面。 3:一是 3:二是 2:乡村振兴方面， 3:首先 3:其次，");
  }

  TEST_CASE("titles end at the first sentence end or colon; a marker keeps its punctuation") {
    const auto doc = gongwen::parse(
        "二、慎终如始抓好常态化疫情防控。目前，形势依然复杂。\n第一件事，搭建完善消费平台。各乡镇要"
        "加强。\n一、 过去五年工作回顾\n");
    std::vector<std::string_view> titles, markers;
    for (const auto& n : doc.nodes()) {
      if (n.type != gongwen::node_type::section) continue;
      titles.push_back(doc.text(doc.title_of(n)));
      markers.push_back(doc.text(doc.ordinal_of(n).marker));
    }
    CHECK(titles == std::vector<std::string_view>{"慎终如始抓好常态化疫情防控", "搭建完善消费平台",
                                                  "过去五年工作回顾"});
    CHECK(markers == std::vector<std::string_view>{"二、", "第一件事，", "一、"});
  }

  TEST_CASE("a topic's title is its lead phrase; lone topics are text") {
    const auto doc = gongwen::parse(
        "一、产业发展\n工业方面，要加快转型。农业方面，要稳定产能。\n二、其他\n在会上，大家发言踊跃"
        "。在这方面，我们还有差距。\n");
    CHECK(sections(doc) == "1:一、 2:工业方面， 2:农业方面， 1:二、");
    const auto* topic = gongwen::test::first_of(doc, gongwen::node_type::section);
    REQUIRE(topic != nullptr);
    CHECK(doc.text(doc[topic->first_child].span) == "一、产业发展");
    std::vector<std::string_view> titles;
    for (const auto& n : doc.nodes())
      if (n.type == gongwen::node_type::section &&
          doc.ordinal_of(n).style == gongwen::marker_style::topic)
        titles.push_back(doc.text(doc.title_of(n)));
    CHECK(titles == std::vector<std::string_view>{"工业方面", "农业方面"});
  }

  TEST_CASE("topic leads of the greatest length are found in a document") {
    // Twelve characters, the most a lead has (方面 or 上 and 在 counted): its last
    // character ends at its 36th byte, as far as sentence starts are searched for one.
    CHECK(
        sections("一、改造\n农村人居环境整治提升方面，要加快进度。农村饮水安全巩固提升方面，要保障"
                 "质量。\n") == "1:一、 2:农村人居环境整治提升方面， 2:农村饮水安全巩固提升方面，");
    CHECK(
        sections("一、改造\n在农村人居环境整治提升上，要加快进度。在农村饮水安全巩固提升上，要保障"
                 "质量。\n") == "1:一、 2:在农村人居环境整治提升上， 2:在农村饮水安全巩固提升上，");
    // Thirteen are a clause.
    CHECK(sections(
              "一、改造\n在农村人居环境整治提升方面，要加快进度。在农村饮水安全巩固提升方面，要保障"
              "质量。\n") == "1:一、");
    // A 上 or 面 inside a word before the lead's own end: 全面, 上级, 面上.
    CHECK(sections("一、总体要求\n全面工作方面，要抓好落实。上级部署方面，要坚决执行。面上工作上，"
                   "要统筹兼顾。\n") == "1:一、 2:全面工作方面， 2:上级部署方面，");
    CHECK(
        sections("一、总体要求\n全面工作方面，要抓好落实。上级部署方面，要坚决执行。\n面上工作上，"
                 "要统筹兼顾。基层落实上，要压实责任。\n") ==
        "1:一、 2:全面工作方面， 2:上级部署方面， 2:面上工作上， 2:基层落实上，");
  }
  TEST_CASE("parallel topics share their form: …方面 and …上 do not make a pair") {
    CHECK(sections("一、改造\n在商业方面，营业额增加。现已调整；在集镇上，合作社减少零售。\n") ==
          "1:一、");
    CHECK(sections("一、就业\n岗位对接上，加大对接。就业奖补上，主动服务。\n") ==
          "1:一、 2:岗位对接上， 2:就业奖补上，");
  }

  TEST_CASE("chapters and articles only at a paragraph start") {
    CHECK(sections("第一章　总则\n第一条　为了加强管理，制定本办法。依照第二条执行。\n第二条　本办"
                   "法适用于本市。\n") == "1:第一章 2:第一条 2:第二条");
    CHECK(sections("一、要求\n按照规定执行。第一条规定的事项除外。\n") == "1:一、");
  }

  TEST_CASE("Markdown heading marks are indentation") {
    CHECK(sections("## 一、总体要求\n### （一）指导思想\n") == "1:一、 2:（一）");
  }
}

TEST_SUITE("grammar: where markers start") {
  TEST_CASE("every ordinal marker begins with a character its first-character set holds") {
    // The scan runs ordinal_marker only where the first characters worked out from the
    // rule allow: at every code point of the fixtures, the example and the written
    // variants, a marker that matches must begin with one of them.
    std::string text;
    for (const char* f : {"../examples/speech.txt", "fixtures/plan.txt", "fixtures/notice.txt",
                          "fixtures/report.txt", "fixtures/speech-tasks.txt",
                          "fixtures/plan-labels.txt", "fixtures/portal.txt"})
      text += gongwen::test::read_file(gongwen::test::data_path(f));
    text +=
        "(一)﹙二﹚㈢ 1.１．1、⒈ (1)（１）1）⑴ ①㉑㊱ 第一，第二件事 一是 十要 一、十二、 "
        "一方面，另一方面， "
        "首先，其次，再次，最后， 百 两 〇";
    std::size_t markers = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
      if (!match<g::ordinal_marker>(std::string_view(text).substr(i))) continue;
      ++markers;
      INFO("at byte ", i, ": ", text.substr(i, 12));
      const gongwen::detail::code_point c = gongwen::detail::decode_at(text, i);
      CHECK(gongwen::detail::may_begin_with<g::ordinal_marker>(c.cp));
      CHECK(gongwen::detail::may_begin_at<g::ordinal_marker>(text, i));
    }
    CHECK(markers > 50);  // the check saw markers of every family
  }

  TEST_CASE("every block ordinal marker begins with a character its first-character set holds") {
    // Part classification and the heading scan try block_ordinal_marker at a paragraph's
    // start only where the first characters worked out from the rule allow.
    std::string text;
    for (const char* f : {"../examples/speech.txt", "fixtures/plan.txt", "fixtures/notice.txt",
                          "fixtures/report.txt", "fixtures/portal.txt"})
      text += gongwen::test::read_file(gongwen::test::data_path(f));
    text +=
        "——加强领导 ―― 统筹 ──推进 －－落实 第一章 总则 第二节 第三编 第一部分 第十二条 "
        "(一)﹙二﹚㈢ 1.１．1、⒈ (1)（１）1）⑴ ①㉑㊱ 第一，一是 十要 一、 首先，最后，";
    std::size_t markers = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
      const std::string_view rest = std::string_view(text).substr(i);
      if (!match<g::block_ordinal_marker>(rest)) continue;
      ++markers;
      INFO("at byte ", i, ": ", text.substr(i, 12));
      CHECK(gongwen::detail::may_begin_with<g::block_ordinal_marker>(
          gongwen::detail::decode_at(rest, 0).cp));
      CHECK(gongwen::detail::may_begin_at<g::block_ordinal_marker>(rest, 0));
    }
    CHECK(markers > 60);
  }
}
