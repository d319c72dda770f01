// The reading rules of structure.md, one small fixture each.
#include <doctest/doctest.h>

#include "helpers.hpp"

using gongwen::test::sections;

TEST_SUITE("nesting") {
  TEST_CASE("families nest in the order they appear, not by a fixed table") {
    CHECK(sections("第一，甲\n一要乙\n第一件事，丙\n第二件事，丁\n二要戊\n第二，己\n") ==
          "1:第一， 2:一要 3:第一件事， 3:第二件事， 2:二要 1:第二，");
    CHECK(sections("一、甲\n经济方面，乙\n一是丙\n二是丁\n社会方面，戊\n二、己\n") ==
          "1:一、 2:经济方面， 3:一是 3:二是 2:社会方面， 1:二、");
  }

  TEST_CASE("rule 1: a list continues, closing everything inside its last item; values may skip") {
    CHECK(sections("一、甲\n（一）乙\n1.丙\n2.丁\n（二）戊\n二、己\n四、庚\n") ==
          "1:一、 2:（一） 3:1. 3:2. 2:（二） 1:二、 1:四、");
  }

  TEST_CASE("rule 1: 一是 and 二要 are one family") {
    CHECK(sections("一、甲\n一是着力保就业。二要着力保民生。三要着力保主体。\n") ==
          "1:一、 2:一是 2:二要 2:三要");
  }

  TEST_CASE("rule 2: a restart at a paragraph start stands beside the open list") {
    CHECK(sections("1.甲\n2.乙\n3.丙\n说明如下。\n1.丁\n2.戊\n") == "1:1. 1:2. 1:3. 1:1. 1:2.");
    CHECK(sections("一、甲\n（一）乙\n二、丙\n说明如下。\n一、丁\n二、戊\n") ==
          "1:一、 2:（一） 1:二、 1:一、 1:二、");
  }

  TEST_CASE("rule 2: an inline restart opens below") {
    CHECK(sections(
              "一、甲\n一是加强宣传。二是强化督导。具体要做到：一是定期通报，二是限期整改。\n") ==
          "1:一、 2:一是 2:二是 3:一是");
  }

  TEST_CASE("rule 3: open below the innermost section even when the family is open further out") {
    CHECK(sections("第二，甲\n二要推进产业优化升级。农业经济方面，县农业农村局牵头抓好三件事。一是"
                   "建好项目。二是办好节会。工业培育方面，加强监测。\n") ==
          "1:第二， 2:二要 3:农业经济方面， 4:一是 4:二是 3:工业培育方面，");
  }

  TEST_CASE("rule 4: an inline section ends with its paragraph") {
    CHECK(sections("六、甲\n一要乙。二要丙。三要加大项目储备力度。\n同时，还要推进四项重点工作。一"
                   "是丁。二是戊。\n") == "1:六、 2:一要 2:二要 2:三要 2:一是 2:二是");
    // The paragraph after an inline heading belongs to the enclosing block section.
    const auto doc = gongwen::parse("六、甲。一要乙。\n这一段属于六。\n");
    const auto& six = doc[doc.root().first_child];
    std::size_t paragraphs = 0;
    for (const auto& c : doc.children(six)) paragraphs += c.type == gongwen::node_type::paragraph;
    CHECK(paragraphs == 2);
  }

  TEST_CASE("rule 4: a dash item is one paragraph long") {
    CHECK(sections("一、甲\n——乙\n这一段属于一、。\n——丙\n（一）丁\n") ==
          "1:一、 2:—— 2:—— 2:（一）");
  }

  TEST_CASE("rule 4: a block section stays open until a list closes it") {
    CHECK(sections("一、甲\n一是乙\n这一段属于一是。\n一要丙\n") == "1:一、 2:一是 2:一要");
  }

  TEST_CASE("a text without paragraph breaks: every heading after the first is inline") {
    CHECK(sections("一、甲。一是乙。二是丙。二、丁。一是戊。") ==
          "1:一、 2:一是 2:二是 1:二、 2:一是");
  }

  TEST_CASE("runs of two or more U+3000 are paragraph breaks") {
    CHECK(sections("　　一、甲　　一是乙。二是丙。　　这一段属于一、　　二、丁") ==
          "1:一、 2:一是 2:二是 1:二、");
    const auto doc = gongwen::parse("　　一、甲　　一是乙。二是丙。　　这一段属于一、　　二、丁");
    std::size_t inline_sections = 0;
    for (const auto& n : doc.nodes())
      inline_sections += n.type == gongwen::node_type::section && n.is_inline;
    CHECK(inline_sections == 1);  // 二是: 一是 starts its own paragraph
  }

  TEST_CASE("opening paragraphs and the closing belong to the root") {
    const auto doc =
        gongwen::parse("同志们：\n今天我们开会。\n一、甲\n内容。\n同志们，让我们努力奋斗！\n");
    std::vector<gongwen::node_type> root_children;
    for (const auto& c : doc.children(doc.root())) root_children.push_back(c.type);
    CHECK(root_children == std::vector<gongwen::node_type>{
                               gongwen::node_type::salutation, gongwen::node_type::paragraph,
                               gongwen::node_type::section, gongwen::node_type::closing});
  }

  TEST_CASE("levels count section ancestors; spans begin at the marker and cover the children") {
    const std::string text = "　　一、甲\n一是乙。二是丙。\n";
    const auto doc = gongwen::parse(text);
    const auto& one = doc[doc.root().first_child];
    CHECK(one.level == 1);
    CHECK(one.span.begin == text.find("一、"));
    CHECK(one.span.end == text.find("。\n") + 3);
    CHECK_FALSE(one.is_inline);
  }

  TEST_CASE("sections nest at most max_depth deep; deeper headings stay text, with a warning") {
    std::string text = "甲：";
    for (int i = 0; i < 50; ++i) text += "一是乙。";
    gongwen::options opts;
    opts.max_depth = 8;
    const auto doc = gongwen::parse(text, opts);
    int deepest = 0;
    for (const auto& n : doc.nodes()) deepest = std::max<int>(deepest, n.level);
    CHECK(deepest == 8);
    CHECK(doc.ok());
    REQUIRE_FALSE(doc.diagnostics().empty());
    CHECK(doc.diagnostics().front().severity == gongwen::diagnostic::level::warning);
  }

  TEST_CASE("an attachment's headings form their own tree") {
    const auto doc = gongwen::parse("一、甲\n（一）乙\n附件1\n重点项目清单\n一、丙\n二、丁\n");
    CHECK(sections(doc) == "1:一、 2:（一） 1:一、 1:二、");
    const auto* att = gongwen::test::first_of(doc, gongwen::node_type::attachment);
    REQUIRE(att != nullptr);
    CHECK(att->parent == 0);
    std::vector<gongwen::node_type> kids;
    for (const auto& c : doc.children(*att)) kids.push_back(c.type);
    CHECK(kids == std::vector<gongwen::node_type>{gongwen::node_type::title,
                                                  gongwen::node_type::section,
                                                  gongwen::node_type::section});
  }
}
