// Sentences, directives, agencies with their roles, deadlines, assignments,
// inheritance, and the task ledger.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <ostream>

#include "agencies.hpp"
#include "analysis.hpp"
#include "deadlines.hpp"
#include "helpers.hpp"

namespace g = gongwen::grammar;
using gongwen::test::data_path;
using gongwen::test::match;
using gongwen::test::read_file;

namespace {

/// Every agency of every directive, in order, as "name/its own text/role" (+ "*" when inherited).
std::string units(const gongwen::document& doc) {
  std::string out;
  for (const auto& n : doc.nodes()) {
    if (n.type != gongwen::node_type::directive) continue;
    for (const auto& a : doc.agencies(n)) {
      if (!out.empty()) out += "; ";
      out += std::string(a.name) + "/" + std::string(doc.text(a.text)) + "/" +
             std::string(gongwen::name(a.role));
      if (a.inherited()) out += "*";
    }
  }
  return out;
}
std::string units(std::string_view text) {
  return units(gongwen::parse(text));
}

std::vector<std::string> directive_texts(const gongwen::document& doc) {
  std::vector<std::string> out;
  for (const auto& n : doc.nodes())
    if (n.type == gongwen::node_type::directive) out.emplace_back(doc.text(n.span));
  return out;
}

std::vector<gongwen::deadline> deadlines_in(std::string_view text,
                                            std::string* first_text = nullptr) {
  const auto doc = gongwen::parse(text);
  std::vector<gongwen::deadline> out;
  for (const auto& n : doc.nodes())
    if (n.type == gongwen::node_type::directive)
      for (const auto& d : doc.deadlines(n)) out.push_back(d);
  if (first_text && !out.empty()) *first_text = std::string(doc.text(out.front().text));
  return out;
}

using part = gongwen::deadline::part;
using bound = gongwen::deadline::bound;

/// For the test cases that read one deadline a sentence: one() gives it, and `text` its text.
struct one_deadline {
  std::string text;
  gongwen::deadline one(std::string_view sentence) {
    const auto ds = deadlines_in(sentence, &text);
    REQUIRE(ds.size() == 1);
    return ds.front();
  }
};

}  // namespace

TEST_SUITE("sentences") {
  TEST_CASE("a paragraph splits at 。！？； and their ASCII forms") {
    const auto doc = gongwen::parse(
        "要加快进度。要确保质量！要不要再议？要压实责任；要加强督查!要严格考核?要按期完成;"
        "要抓好落实\n");
    CHECK(directive_texts(doc).size() == 8);
  }

  TEST_CASE("never inside quotes, book titles or brackets") {
    const auto doc = gongwen::parse(
        "各乡镇要按照“要加快推进。要确保质量。”的要求抓好落实。县发改局要落实《关于加快发展的意见。"
        "》精神。"
        "县住建局牵头抓好改造（配合单位：各乡镇；完成时限：年底前）。\n");
    CHECK(directive_texts(doc) ==
          std::vector<std::string>{"各乡镇要按照“要加快推进。要确保质量。”的要求抓好落实。",
                                   "县发改局要落实《关于加快发展的意见。》精神。",
                                   "县住建局牵头抓好改造（配合单位：各乡镇；完成时限：年底前）。"});
  }

  TEST_CASE("an unclosed quote does not swallow the rest of the paragraph") {
    const auto doc = gongwen::parse("各乡镇要抓好“三清一改。县发改局要加快审批。\n");
    CHECK(directive_texts(doc).size() == 2);
  }

  TEST_CASE("a heading's marker is not part of the directive") {
    const auto doc = gongwen::parse("一、甲\n一是县发改局牵头，抓好项目。\n");
    CHECK(directive_texts(doc) == std::vector<std::string>{"县发改局牵头，抓好项目。"});
  }

  TEST_CASE("a sentence is read within its bounds, whatever its length and what follows") {
    namespace d = gongwen::detail;
    // The sentence alone, and the same bytes followed by text that would change its
    // reading if any of it were read: every length, with and without digits among its
    // characters, so that whatever reads several characters at a time ends at the
    // sentence's end, and just before and after it.
    const std::vector<std::string> followers = {"）", "。", "要", "（县财政局配合）", "”"};
    std::size_t directives = 0;
    for (std::size_t n = 0; n < 80; ++n) {
      std::string sentence = "（县财政局牵头";
      for (std::size_t k = 0; k < n % 40; ++k) sentence += n >= 40 && k % 7 == 6 ? "1" : "抓";
      for (const std::string& tail : {std::string("）"), std::string()}) {
        const std::string alone = sentence + tail;
        d::sentence_analysis a, b;
        d::analyse_sentence(alone, {0, static_cast<gongwen::offset>(alone.size())}, a);
        for (const std::string& f : followers) {
          const std::string longer = alone + f;
          d::analyse_sentence(longer, {0, static_cast<gongwen::offset>(alone.size())}, b);
          CHECK_MESSAGE(a.is_directive() == b.is_directive(), alone << " | " << f);
          CHECK_MESSAGE(a.agencies.size() == b.agencies.size(), alone << " | " << f);
          CHECK_MESSAGE(a.deadlines.size() == b.deadlines.size(), alone << " | " << f);
          CHECK_MESSAGE(a.has_modal == b.has_modal, alone << " | " << f);
          CHECK_MESSAGE(a.assignment == b.assignment, alone << " | " << f);
          CHECK_MESSAGE(a.assignment_only == b.assignment_only, alone << " | " << f);
          CHECK_MESSAGE(a.perfective == b.perfective, alone << " | " << f);
          CHECK_MESSAGE(a.sets_deadline == b.sets_deadline, alone << " | " << f);
        }
        directives += a.is_directive();
      }
    }
    CHECK(directives > 40);
  }
}

TEST_SUITE("grammar: agencies") {
  TEST_CASE("units ending in an organisation suffix, extended by further segments") {
    CHECK(match<g::unit>("县发改局牵头") == "县发改局");
    CHECK(match<g::unit>("市生态环境局×分局牵头") == "市生态环境局×分局");
    CHECK(match<g::unit>("人行×支行要加强") == "人行×支行");
    CHECK(match<g::unit>("人行南昌中心支行指导") == "人行南昌中心支行");
    CHECK(match<g::unit>("县政府金融办、") == "县政府金融办");
    CHECK(match<g::unit>("扶贫开发领导小组成员单位要") == "扶贫开发领导小组成员单位");
    CHECK(match<g::unit>("高质量住房建设协调推进领导小组办公室要") ==
          "高质量住房建设协调推进领导小组办公室");
    CHECK(match<g::unit>("县直相关部门配合") == "县直相关部门");
    CHECK(match<g::unit>("县直各有关部门要") == "县直各有关部门");
    CHECK(match<g::unit>("全县政府系统各级党组（党委）要") == "全县政府系统各级党组（党委）");
  }
  TEST_CASE("place names, 各地, and people named by office") {
    CHECK(match<g::unit>("各乡镇、各部门") == "各乡镇");
    CHECK(match<g::unit>("相关乡镇配合") == "相关乡镇");
    CHECK(match<g::unit>("平襄镇和县直") == "平襄镇");
    CHECK(match<g::unit>("各镇村要落实") == "各镇村");
    CHECK(match<g::unit>("各地各部门") == "各地");
    CHECK(match<g::unit>("×同志要盯紧") == "×同志");
    CHECK(match<g::unit>("X同志负责") == "X同志");
    CHECK(match<g::unit>("×分局要") == "×分局");
    CHECK(match<g::unit>("县政府分管领导要") == "县政府分管领导");
    CHECK(match<g::unit>("县政府各副县长要") == "县政府各副县长");
    CHECK(match<g::unit>("县委书记要亲自抓") == "县委书记");
    CHECK(match<g::unit>("各级河长牵头") == "各级河长");
    CHECK(match<g::unit>("各级各部门“一把手”务必") == "各级各部门“一把手”");
  }
  TEST_CASE("two place words name the places of a level, after scope words only") {
    CHECK(match<g::unit>("各市县要抓紧制定方案") == "各市县");
    CHECK(match<g::unit>("各县区要") == "各县区");
    CHECK(match<g::unit>("全省各市州要") == "全省各市州");
    CHECK(match<g::unit>("各县市区要") == "各县市区");
    CHECK(match<g::unit>("湖南省市场监督管理局牵头") == "湖南省市场监督管理局");
    CHECK(match<g::unit>("各县市场监管局要") == "各县市场监管局");
    CHECK(match<g::unit>("福州市要") == "福州市");  // 州 then 市 is one place
    // Inside a name the pair is text: a statement of fact names no unit.
    CHECK_FALSE(match<g::unit>("全县列入省市重点项目×个"));
    CHECK(units("全县列入省市重点项目×个，目前还有×个项目未开工。") == "");
  }

  TEST_CASE("not units: the audience, pronouns, people at large, words with a suffix character") {
    CHECK_FALSE(match<g::unit>("各位代表要"));
    CHECK_FALSE(match<g::unit>("我们要"));
    CHECK_FALSE(match<g::unit>("广大党员干部要"));
    CHECK_FALSE(match<g::unit>("帮扶对象要"));
    CHECK_FALSE(match<g::unit>("同志们要"));
    CHECK_FALSE(match<g::unit>("安排部署近期重点工作"));
    CHECK_FALSE(match<g::unit>("事关全局和长远发展"));
    CHECK_FALSE(match<g::unit>("两家银行与上级银行"));
    CHECK_FALSE(match<g::unit>("支持工业园区发展"));
  }
  TEST_CASE("lists, shared suffixes and categories") {
    CHECK(match<g::unit_list>("人社、就业部门牵头") == "人社、就业部门");
    CHECK(match<g::unit_list>("税务、财政、住建、自然资源等部门抓紧") ==
          "税务、财政、住建、自然资源等部门");
    CHECK(match<g::unit_list>("水利、交通、民委等部门及各乡镇要") ==
          "水利、交通、民委等部门及各乡镇");
    CHECK(match<g::unit_list>("县发改局等项目审批单位要") == "县发改局等项目审批单位");
    CHECK(match<g::unit_list>("各镇各部门要") == "各镇各部门");
    CHECK(match<g::unit_list>("商务、农业农村、国资等相关部门") ==
          "商务、农业农村、国资等相关部门");
  }
}

TEST_SUITE("agencies in sentences") {
  TEST_CASE("roles: 牵头 lead, 配合 cooperate, 负责 and 要 responsible") {
    CHECK(units("县发改局牵头、各职能部门配合，对已开工项目全力抓好保障。") ==
          "县发改局/县发改局/lead; 各职能部门/各职能部门/cooperate");
    CHECK(units("县税务局负责，严格按要求执行。县住建局要加快进度。") ==
          "县税务局/县税务局/responsible; 县住建局/县住建局/responsible");
    CHECK(units("由相关部门协调解决。") == "相关部门/相关部门/responsible");
  }

  TEST_CASE("a role word after the modal gives the role: 要牵头, 要积极配合") {
    CHECK(units("县委办、县政府办要牵头抓好督查。") ==
          "县委办/县委办/lead; 县政府办/县政府办/lead");
    CHECK(units("各乡镇要积极配合。") == "各乡镇/各乡镇/cooperate");
    // 联合 before a verb joins no unit: the subjects stay responsible.
    CHECK(units("县公安局、县市场监管局等部门要联合开展打击行动。") ==
          "县公安局/县公安局/responsible; 县市场监管局/县市场监管局/responsible");
    CHECK(units("县公安局联合开展打击行动。") == "县公安局/县公安局/responsible");
  }

  TEST_CASE("会同: the first unit leads, the ones it names cooperate") {
    CHECK(units("教育部门会同职教中心尽早谋划。") ==
          "教育部门/教育部门/lead; 职教中心/职教中心/cooperate");
    CHECK(units("各牵头部门要会同建设单位逐项梳理。") ==
          "各牵头部门/各牵头部门/lead; 建设单位/建设单位/cooperate");
    CHECK(units("市消防救援支队要联合市教育局、市民政局开展检查。") ==
          "市消防救援支队/市消防救援支队/lead; 市教育局/市教育局/cooperate; "
          "市民政局/市民政局/cooperate");
    CHECK(units("县自然资源局联合各乡镇开展隐患排查，5月31日前完成。") ==
          "县自然资源局/县自然资源局/lead; 各乡镇/各乡镇/cooperate");
    // 会同 after words that name no unit: the unit it names still cooperates.
    CHECK(units("交警会同县交通运输局开展道路整治。") == "县交通运输局/县交通运输局/cooperate");
    // 联合会 is a name, not 联合.
    CHECK(units("县残疾人联合会要做好助残服务。") == "县残疾人联合会/县残疾人联合会/responsible");
  }

  TEST_CASE("texts read one after another from the same bytes: each read as itself") {
    // The unit grammar keeps what it read at a place for the rest of one parse; a text
    // written over the last one puts other characters at the same places.
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"各乡镇、各部门要严格执行24小时值班和领导带班制度，确保信息畅通、反应迅速。",
         "各乡镇/各乡镇/responsible; 各部门/各部门/responsible"},
        {"产业方面，县农业农村局要加快产业项目建设。", "县农业农村局/县农业农村局/responsible"},
        {"教育局要抓好落实。", "教育局/教育局/responsible"},
        {"县发改局牵头、各职能部门配合，对已开工项目全力抓好保障。",
         "县发改局/县发改局/lead; 各职能部门/各职能部门/cooperate"},
        {"县发改委牵头、各职能部门配合，对已开工项目全力抓好保障。",
         "县发改委/县发改委/lead; 各职能部门/各职能部门/cooperate"},
        {"县发改我牵头、各职能部门配合，对已开工项目全力抓好保障。",
         "各职能部门/各职能部门/cooperate"},
        {"县委办、县政府办要牵头抓好督查。", "县委办/县委办/lead; 县政府办/县政府办/lead"},
        {"县委、县政府办要牵头抓好督查。", "县委/县委/lead; 县政府办/县政府办/lead"},
        {"教育部门会同职教中心尽早谋划。", "教育部门/教育部门/lead; 职教中心/职教中心/cooperate"},
        {"县教育局会同职教中心尽早谋划。", "县教育局/县教育局/lead; 职教中心/职教中心/cooperate"},
    };
    std::string bytes;
    bytes.reserve(256);  // one place in memory for every text
    for (int round = 0; round < 2; ++round) {
      for (const auto& [text, expected] : cases) {
        bytes.assign(text);
        CAPTURE(text);
        CHECK(units(gongwen::parse_borrowed(bytes)) == expected);
      }
    }
  }

  TEST_CASE("coordination with a shared suffix: each unit with the span of its own characters") {
    const std::string text = "人社、就业部门牵头重点抓好以下工作。";
    const auto doc = gongwen::parse(text);
    CHECK(units(doc) == "人社部门/人社/lead; 就业部门/就业部门/lead");
    CHECK(units("应急、水务、自然资源、气象等部门要建立会商机制。") ==
          "应急部门/应急/responsible; 水务部门/水务/responsible; "
          "自然资源部门/自然资源/responsible; 气象部门/气象/responsible");
    CHECK(units("省发展改革、工业和信息化部门牵头，会同商务、农业农村等相关部门收集名单。") ==
          "省发展改革部门/省发展改革/lead; 工业和信息化部门/工业和信息化部门/lead; "
          "商务部门/商务/cooperate; 农业农村部门/农业农村/cooperate");
  }

  TEST_CASE("lists ended by 等, 及, 和, and offices lent along a list") {
    CHECK(units("县发改局、县财政局、县供电公司等部门要严格落实。") ==
          "县发改局/县发改局/responsible; 县财政局/县财政局/responsible; "
          "县供电公司/县供电公司/responsible");
    CHECK(units("县发改局等项目审批单位要建立帮办机制。") ==
          "县发改局/县发改局/responsible; 项目审批单位/项目审批单位/responsible");
    CHECK(units("平襄镇和县直各有关部门要严格按照要求。") ==
          "平襄镇/平襄镇/responsible; 县直各有关部门/县直各有关部门/responsible");
    CHECK(
        units("各乡镇、各部门主要负责同志要把责任扛在肩上。") ==
        "各乡镇主要负责同志/各乡镇/responsible; 各部门主要负责同志/各部门主要负责同志/responsible");
  }

  TEST_CASE("names with an alias in brackets, duties by their division of labour") {
    CHECK(units("各县（市、区）人民政府要切实履行主体责任。") ==
          "各县（市、区）人民政府/各县（市、区）人民政府/responsible");
    CHECK(units("市卫生健康委、市医保局按职责分工负责。") ==
          "市卫生健康委/市卫生健康委/responsible; 市医保局/市医保局/responsible");
    CHECK(units("请各乡镇于3月15日前将报表报送县统计局。") == "各乡镇/各乡镇/responsible");
    CHECK(units("乡镇党委书记是第一责任人。") == "");
    CHECK(units("县发改局（县粮食和物资储备局）要在汛前储备足额物资。") ==
          "县发改局（县粮食和物资储备局）/县发改局（县粮食和物资储备局）/responsible");
  }

  TEST_CASE("a place as the subject before its verb, 经 before the unit that acts") {
    CHECK(units("各乡镇做好排查工作，5月底前完成。") == "各乡镇/各乡镇/responsible");
    CHECK(units("平襄镇开展排查，5月底前完成。") == "平襄镇/平襄镇/responsible");
    CHECK(units("全县开展排查，5月底前完成。") == "");
    CHECK(units("风控指标不符合标准的，经市证监局评估后，视情况给予调整期。") ==
          "市证监局/市证监局/responsible");
    // 经营 经济 are words, not 经 before a unit.
    CHECK(units("经营机构要如实报告，经济部门要加强指导。") ==
          "经营机构/经营机构/responsible; 经济部门/经济部门/responsible");
  }

  TEST_CASE("subjects after people, adverbs and 特别是") {
    // After 和 in the middle of a clause, a unit with its cue is a subject too.
    CHECK(units("广大群众和公安机关要共同维护社会稳定。") == "公安机关/公安机关/responsible");
    CHECK(units("全县各级党组织和全体党员干部要坚决维护核心。") ==
          "全县各级党组织/全县各级党组织/responsible");
    CHECK(units("领导干部和各地各部门就一定要亲力亲为。") ==
          "各地/各地/responsible; 各部门/各部门/responsible");
    CHECK(units("各地各部门特别是主要负责同志，一定要深刻认识。") ==
          "各地/各地/responsible; 各部门/各部门/responsible");
  }

  TEST_CASE("no unit: the audience, pronouns, people at large, objects of a verb") {
    CHECK(units("各位代表要积极建言献策。我们要坚定信心。广大党员干部要带头示范。帮扶对象要主动参与"
                "。") == "");
    CHECK(units("县里要加强与农业银行、X银行的沟通协调。") == "");
    CHECK(units("经县政府同意，现将方案印发给你们。") == "");
    CHECK(units("新冠肺炎疫情发生后，县防控指挥部第一时间安排部署了各项防控工作。") == "");
    CHECK(units("各工作组要紧密高效配合普查组开展工作。") == "各工作组/各工作组/responsible");
    // No unit starts inside a word: 财政部门 holds no 政部门.
    CHECK(units("不但财政部门要加强财政监察机构。").find("政部门/政") == std::string::npos);
  }
  TEST_CASE("a place word or a suffix alone names no unit, the longest of them too") {
    // 乡镇 and 街道 are the longest place words, 街道办事处 the longest suffix.
    CHECK(units("乡镇要加强巡查。") == "");
    CHECK(units("县民政局、街道要加强巡查。") == "县民政局/县民政局/responsible");
    CHECK(units("街道办事处要加强巡查。") == "");
    CHECK(units("县民政局、街道办事处要加强巡查。") == "县民政局/县民政局/responsible");
    CHECK(units("同志要加强学习。") == "");
    CHECK(units("县民政局、同志要加强学习。") == "县民政局/县民政局/responsible");
    // With a role word after it, a suffix alone is the unit.
    CHECK(units("工作专班牵头，各村配合。") == "工作专班/工作专班/lead; 各村/各村/cooperate");
  }

  TEST_CASE("第一书记 is no heading, 县委书记 is an office") {
    CHECK(gongwen::test::sections("一、甲\n第一书记要驻村抓好帮扶工作。\n") == "1:一、");
    CHECK(units("县委书记要亲自抓、负总责。") == "县委书记/县委书记/responsible");
  }
}

TEST_SUITE("grammar: deadlines") {
  TEST_CASE_FIXTURE(one_deadline, "each form, with its reading") {
    auto d = one("要在×月底前完成。");
    CHECK(text == "×月底前");
    CHECK(d.redacted);
    CHECK(d.month == 0);
    CHECK(d.of == part::end);
    CHECK(d.by == bound::before);

    d = one("要在9月底前完成。");
    CHECK(text == "9月底前");
    CHECK(d.month == 9);
    CHECK_FALSE(d.redacted);

    d = one("要在年底前完成。");
    CHECK(text == "年底前");
    CHECK(d.relative_year);
    CHECK(d.year_offset == 0);
    CHECK(d.of == part::end);

    d = one("要在年内完成。");
    CHECK(text == "年内");
    CHECK(d.relative_year);
    CHECK(d.by == bound::within);

    d = one("要在本周内完成。");
    CHECK(text == "本周内");
    CHECK(d.week == 1);
    CHECK(d.by == bound::within);

    d = one("要在9月份完成。");
    CHECK(text == "9月份");
    CHECK(d.month == 9);
    CHECK(d.by == bound::during);

    d = one("要在三季度完成主体工程。");
    CHECK(text == "三季度");
    CHECK(d.quarter == 3);

    d = one("要在X月X日前完成。");
    CHECK(text == "X月X日前");
    CHECK(d.redacted);
    CHECK(d.day == 0);

    d = one("要在明年×月底完成。");
    CHECK(text == "明年×月底");
    CHECK(d.relative_year);
    CHECK(d.year_offset == 1);
    CHECK(d.redacted);

    d = one("要在6月30日前完成。");
    CHECK(d.month == 6);
    CHECK(d.day == 30);

    d = one("要在2021年6月底前完成。");
    CHECK(d.year == 2021);
    CHECK(d.month == 6);

    d = one("要在第三季度末完成。");
    CHECK(d.quarter == 3);
    CHECK(d.of == part::end);

    d = one("要在15个工作日内办结。");
    CHECK(text == "15个工作日内");
    CHECK(d.by == bound::within);
    CHECK_FALSE(d.relative_year);

    d = one("要在10月中旬前完成。");
    CHECK(d.month == 10);
    CHECK(d.of == part::middle);

    d = one("即日起至6月30日，开展专项整治。");
    CHECK(text == "至6月30日");
    CHECK(d.month == 6);
    CHECK(d.day == 30);
  }

  TEST_CASE_FIXTURE(one_deadline, "a year is read with what it dates") {
    // The year's end shares the year's 年: 明年底 is next year's end, not this year's.
    auto d = one("要在明年底前完成。");
    CHECK(text == "明年底前");
    CHECK(d.relative_year);
    CHECK(d.year_offset == 1);
    CHECK(d.of == part::end);
    CHECK(d.by == bound::before);

    d = one("要在今年底前完成。");
    CHECK(text == "今年底前");
    CHECK(d.year_offset == 0);

    d = one("要在今年年底前完成。");
    CHECK(text == "今年年底前");

    d = one("要在本年度末完成。");
    CHECK(text == "本年度末");
    CHECK(d.relative_year);
    CHECK(d.of == part::end);

    d = one("要于2025年底前完成验收。");
    CHECK(text == "2025年底前");
    CHECK(d.year == 2025);
    CHECK_FALSE(d.relative_year);

    // A redacted year is some year, not this one.
    d = one("力争X年底完成治理任务。");
    CHECK(text == "X年底");
    CHECK(d.redacted);
    CHECK_FALSE(d.relative_year);

    d = one("要在2021年内完成。");
    CHECK(text == "2021年内");
    CHECK(d.year == 2021);
    CHECK_FALSE(d.relative_year);
    CHECK(d.by == bound::within);

    d = one("要在明年内完成。");
    CHECK(text == "明年内");
    CHECK(d.year_offset == 1);

    // A month tried after the year and not found leaves nothing behind: 三 is a quarter.
    d = one("要在今年三季度完成。");
    CHECK(text == "今年三季度");
    CHECK(d.quarter == 3);
    CHECK(d.month == 0);

    d = one("要在明年上半年完成。");
    CHECK(text == "明年上半年");
    CHECK(d.half == 1);
    CHECK(d.year_offset == 1);

    // A count of years is a period from now.
    for (const char* form : {"三年内", "两年内", "3年内", "半年内"}) {
      d = one(std::string("要在") + form + "完成。");
      CHECK(text == form);
      CHECK_FALSE(d.relative_year);
      CHECK(d.by == bound::within);
    }
  }

  TEST_CASE("a year that is past or counted is no year's end of this year") {
    CHECK(deadlines_in("截至去年底，全县完成投资×亿元，要加快推进。").empty());
    CHECK(deadlines_in("上年底结转资金要抓紧使用。").empty());
    CHECK(deadlines_in("到一九五四年底已发展到，要抓紧总结。").empty());
    CHECK(deadlines_in("今年以来，要抓紧推进。").empty());
    CHECK(deadlines_in("在开始实行的几年内，要稳步推进。").empty());
  }

  TEST_CASE("festivals and seasons: text and bound, no date") {
    std::string text;
    for (const char* form : {"春节前", "清明节前", "国庆节之前", "汛前", "主汛期前", "开学前"}) {
      const auto ds = deadlines_in(std::string("要在") + form + "完成排查。", &text);
      REQUIRE(ds.size() == 1);
      CHECK(text == form);
      CHECK(ds.front().by == gongwen::deadline::bound::before);
      CHECK(ds.front().month == 0);
    }
    CHECK(deadlines_in("春节期间要加强值守。").empty());
    CHECK(deadlines_in("中国人民银行要加强指导。").empty());
    CHECK(deadlines_in("开学以来，各校要落实防控措施。").empty());
  }

  TEST_CASE("dates and periods in running text are no deadlines") {
    CHECK_FALSE(match<g::deadline>("2020年全县生产总值"));
    CHECK_FALSE(match<g::deadline>("6月召开"));
    CHECK_FALSE(match<g::deadline>("上半年经济运行形势"));
    CHECK(deadlines_in("投资1.5亿元，要抓紧实施。").empty());
  }

  TEST_CASE("a time frame alone does not make a directive") {
    CHECK(
        directive_texts(gongwen::parse("上半年，全县地区生产总值完成×亿元，同比增长×%。")).empty());
    CHECK(directive_texts(gongwen::parse("下半年，要紧紧围绕年度目标任务。")).size() == 1);
  }
}

TEST_SUITE("assignments and inheritance") {
  TEST_CASE("（牵头单位：…；配合单位：…；完成时限：…） closes its item") {
    const auto doc = gongwen::parse(
        "1."
        "完善收运体系。新建中转站×座。（牵头单位：县住建局；配合单位：各乡镇、县直相关部门；完成时"
        "限：2021年9月底前）\n");
    CHECK(directive_texts(doc) ==
          std::vector<std::string>{"新建中转站×座。（牵头单位：县住建局；配合单位：各乡镇、县直相关"
                                   "部门；完成时限：2021年9月底前）"});
    CHECK(units(doc) ==
          "县住建局/县住建局/lead; 各乡镇/各乡镇/cooperate; 县直相关部门/县直相关部门/cooperate");
    std::string text;
    const auto ds = deadlines_in(
        "1.完善收运体系。新建中转站×座。（牵头单位：县住建局；完成时限：2021年9月底前）\n", &text);
    REQUIRE(ds.size() == 1);
    CHECK(text == "2021年9月底前");
  }

  TEST_CASE("责任单位 with 完成时限 in one parenthesis, and an unlabelled one") {
    CHECK(units("2.推进分类减量。（责任单位：各县区人民政府，完成时限：2021年6月底前）\n") ==
          "各县区人民政府/各县区人民政府/responsible");
    CHECK(units("3.新建卫生厕所×座。（县农业农村局牵头，县卫健局配合）\n") ==
          "县农业农村局/县农业农村局/lead; 县卫健局/县卫健局/cooperate");
    // With its own full stop it still closes the sentence before; a sentence that only
    // begins and ends with brackets is a task of its own.
    CHECK(directive_texts(
              gongwen::parse("3.新建卫生厕所×座。（县农业农村局牵头，县卫健局配合）。\n")) ==
          std::vector<std::string>{"新建卫生厕所×座。（县农业农村局牵头，县卫健局配合）。"});
    CHECK(directive_texts(
              gongwen::parse("4.新建卫生厕所×座。（县农业农村局牵头）完成改厕（×户）。\n")) ==
          std::vector<std::string>{"（县农业农村局牵头）完成改厕（×户）。"});
  }

  TEST_CASE("labels written as clauses, without brackets") {
    CHECK(units("牵头单位：市发展改革委；配合单位：市财政局、市自然资源局。") ==
          "市发展改革委/市发展改革委/lead; 市财政局/市财政局/cooperate; "
          "市自然资源局/市自然资源局/cooperate");
    CHECK(units("县财政局：负责资金保障和绩效管理。") == "县财政局/县财政局/responsible");
  }

  TEST_CASE("units of a section's lead sentence govern the sub-sections below that name none") {
    const auto doc = gongwen::parse(
        "二要聚焦民生之基“稳就业”。县人社局牵头、相关乡镇配合，抓好三个方面的具体工作。岗位对接上，"
        "要加大对接力度。"
        "就业奖补上，×月底前兑现补贴。城镇就业上，各乡镇要加大排查力度。\n");
    CHECK(units(doc) ==
          "县人社局/县人社局/lead; 相关乡镇/相关乡镇/cooperate; 县人社局/县人社局/lead*; "
          "相关乡镇/相关乡镇/cooperate*; 县人社局/县人社局/lead*; 相关乡镇/相关乡镇/cooperate*; "
          "各乡镇/各乡镇/responsible");
    // The tree says where they come from: the lead sentence's directive.
    for (const auto& n : doc.nodes()) {
      if (n.type != gongwen::node_type::directive) continue;
      for (const auto& a : doc.agencies(n))
        if (a.inherited())
          CHECK(doc.text(doc[a.from].span) ==
                "县人社局牵头、相关乡镇配合，抓好三个方面的具体工作。");
    }
  }

  TEST_CASE("inherited units are marked in the JSON") {
    const std::string json =
        gongwen::to_json(gongwen::parse("一、甲\n县商务局牵头、各乡镇配合，抓好两件事。第一件事，本"
                                        "周内启动发放。第二件事，办好展销。\n"));
    CHECK(json.find(R"("name":"县商务局","role":"lead","span":)") != std::string::npos);
    CHECK(json.find(R"("inherited":true,"from":)") != std::string::npos);
  }
}

TEST_SUITE("task ledger") {
  TEST_CASE("rows, section paths, strongest role once, inherited marks") {
    const auto doc = gongwen::parse(read_file(data_path("fixtures/speech-tasks.txt")));
    const auto tasks = gongwen::task_ledger(doc);
    REQUIRE(tasks.size() == 12);
    std::vector<std::string> path;
    for (const auto* s : tasks[3].sections) path.push_back(gongwen::short_label(doc, *s));
    CHECK(path == std::vector<std::string>{"第一", "二要", "第一件事"});
    REQUIRE(tasks[3].lead.size() == 1);
    CHECK(tasks[3].lead.front()->inherited());
    CHECK(tasks[8].lead.size() == 1);
    CHECK(tasks[8].responsible.empty());  // 县人社局 is lead (牵头单位) and not listed again
  }

  TEST_CASE("牵头单位/配合单位/完成时限 on lines of their own close the item above them") {
    const auto doc = gongwen::parse(read_file(data_path("fixtures/plan-labels.txt")));
    const auto tasks = gongwen::task_ledger(doc);
    REQUIRE(tasks.size() == 5);
    const auto& first = tasks.front();
    CHECK(doc.text(first.directive->span) ==
          "依托政务服务平台，推动高频事项网上可办率达到95%以上。");
    REQUIRE(first.lead.size() == 1);
    CHECK(first.lead.front()->name == "市政务服务数据管理局");
    REQUIRE(first.cooperate.size() == 2);
    CHECK(first.cooperate[1]->name == "各县（市、区）人民政府");
    REQUIRE(first.deadlines.size() == 1);
    CHECK(doc.text(first.deadlines.front()->text) == "2023年6月底前");
    CHECK(tasks[1].responsible.size() == 2);
    std::string text;
    REQUIRE(tasks[4].deadlines.size() == 1);
    CHECK(doc.text(tasks[4].deadlines.front()->text) == "每月5日前");
  }

  TEST_CASE("CSV starts with a BOM and quotes what it must") {
    std::string out;
    gongwen::write_tasks_csv_header(out);
    CHECK(out.rfind("\xEF\xBB\xBF序号,所在章节,任务内容,", 0) == 0);
    gongwen::write_tasks_csv(out, gongwen::parse("县发改局要抓好\"三清\"工作，=SUM()也要查。\n"),
                             "a,b.txt");
    CHECK(out.find(R"("县发改局要抓好""三清""工作，=SUM()也要查。")") != std::string::npos);
    CHECK(out.find(R"("a,b.txt")") != std::string::npos);
  }

  TEST_CASE("golden ledger of a fixture speech, CSV and JSON Lines") {
    const auto doc = gongwen::parse(read_file(data_path("fixtures/speech-tasks.txt")));
    std::string csv, jsonl;
    gongwen::write_tasks_csv_header(csv);
    gongwen::write_tasks_csv(csv, doc, "speech-tasks.txt");
    gongwen::write_tasks_jsonl(jsonl, doc, "speech-tasks.txt");
    for (const auto& [name, got] :
         {std::pair<std::string, std::string>{"golden/speech-tasks.csv", csv},
          std::pair<std::string, std::string>{"golden/speech-tasks.jsonl", jsonl}}) {
      if (const char* update = std::getenv("GONGWEN_UPDATE_GOLDEN"); update && *update == '1') {
        std::ofstream(data_path(name), std::ios::binary) << got;
        continue;
      }
      const std::string want = read_file(data_path(name));
      REQUIRE_MESSAGE(!want.empty(), "missing " << name << " (run with GONGWEN_UPDATE_GOLDEN=1)");
      CHECK_MESSAGE(got == want, "the ledger differs from " << name);
    }
  }
}
