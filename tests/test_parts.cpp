// Document parts: title, subtitle, byline, salutation, closing, 公文 front matter,
// attachments, and noise recognised by its kind.
#include <doctest/doctest.h>

#include "helpers.hpp"

using gongwen::node_type;
using gongwen::noise_kind;

namespace {

struct part {
  node_type type;
  std::string text;
  noise_kind noise = noise_kind::none;
  friend bool operator==(const part&, const part&) = default;
};

doctest::String toString(const part& p) {
  return (std::string(gongwen::name(p.type)) + "(" + std::string(gongwen::name(p.noise)) +
          "):" + p.text)
      .c_str();
}

/// Every node that is not a paragraph, section or directive, in document order.
std::vector<part> parts(const gongwen::document& doc) {
  std::vector<part> out;
  gongwen::walker w(doc, doc.root());
  for (gongwen::walk_event ev; w.next(ev);) {
    const auto& n = *ev.n;
    if (!ev.entering || n.type == node_type::document || n.type == node_type::paragraph ||
        n.type == node_type::section || n.type == node_type::directive)
      continue;
    out.push_back({n.type, std::string(doc.text(doc.title_of(n))), n.noise});
  }
  return out;
}

std::vector<part> parts(std::string_view text) {
  return parts(gongwen::parse(text));
}

}  // namespace

TEST_SUITE("document parts") {
  TEST_CASE("title, subtitle, byline and salutation of a report") {
    CHECK(parts("2026年河南省政府工作报告\n——2026年1月26日在河南省第十四届人民代表大会第四次会议上"
                "\n河南省人民政府省长 "
                "王凯\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n") ==
          std::vector<part>{
              {node_type::title, "2026年河南省政府工作报告"},
              {node_type::subtitle, "——2026年1月26日在河南省第十四届人民代表大会第四次会议上"},
              {node_type::byline, "河南省人民政府省长 王凯"},
              {node_type::salutation, "各位代表："}});
  }

  TEST_CASE(
      "a title written with spaces, a subtitle in parentheses, a byline cut by its own spacing") {
    CHECK(
        parts(
            "政 府 工 作 报 告\n（2012年2月29日）\n海拉尔区人民政府区长　　张天喜\n各位代表：\n") ==
        std::vector<part>{{node_type::title, "政 府 工 作 报 告"},
                          {node_type::subtitle, "（2012年2月29日）"},
                          {node_type::byline, "海拉尔区人民政府区长　　张天喜"},
                          {node_type::salutation, "各位代表："}});
  }

  TEST_CASE("a title glued to its date and speaker") {
    CHECK(parts("在全县干部大会上的讲话（2023年4月3日）张三　　同志们，今天我们开会。") ==
          std::vector<part>{{node_type::title, "在全县干部大会上的讲话"},
                            {node_type::subtitle, "（2023年4月3日）"},
                            {node_type::byline, "张三"},
                            {node_type::closing, "同志们，今天我们开会。"}});
  }

  TEST_CASE("a Markdown title: the # is markup noise, the rest the title") {
    CHECK(parts("# 关于做好防汛工作的通知\n各乡镇人民政府，县直各部门：\n") ==
          std::vector<part>{{node_type::noise, "#", noise_kind::markup},
                            {node_type::title, "关于做好防汛工作的通知"},
                            {node_type::addressee, "各乡镇人民政府，县直各部门："}});
    // Found by the fuzzer: the # was in no node, text lost from the tree.
    CHECK(gongwen::check_invariants(gongwen::parse("# 关于做好防汛工作的通知\n")).empty());
  }

  TEST_CASE("the closing is the last paragraph starting 同志们，; an earlier one is body text") {
    const auto doc = gongwen::parse(
        "同志们：\n同志们，现在已经七月中旬。\n一、甲\n内容。\n同志们，让我们努力奋斗！\n");
    CHECK(parts(doc) == std::vector<part>{{node_type::salutation, "同志们："},
                                          {node_type::closing, "同志们，让我们努力奋斗！"}});
  }

  TEST_CASE("公文 front and end matter") {
    CHECK(parts("县人民政府办公室关于印发重点项目推进方案的通知\n（县政办发〔2021〕15号）\n各乡镇人"
                "民政府，县直各部门：\n现将方案印发给你们，请认真贯彻执行。\n附件：重点项目推进方案"
                "\n县人民政府办公室\n2021年3月5日\n") ==
          std::vector<part>{{node_type::title, "县人民政府办公室关于印发重点项目推进方案的通知"},
                            {node_type::doc_number, "（县政办发〔2021〕15号）"},
                            {node_type::addressee, "各乡镇人民政府，县直各部门："},
                            {node_type::attachment, "附件：重点项目推进方案"},
                            {node_type::signature, "县人民政府办公室"},
                            {node_type::date, "2021年3月5日"}});
  }

  TEST_CASE("dates written in Chinese numerals") {
    CHECK(parts("通知正文。\n二○一二年一月九日\n") ==
          std::vector<part>{{node_type::date, "二○一二年一月九日"}});
  }

  TEST_CASE("dates in brackets, with 号, spaced out, and headings that begin as a date does") {
    CHECK(parts("通知正文。\n（2021年3月5日）\n") ==
          std::vector<part>{{node_type::date, "（2021年3月5日）"}});
    CHECK(parts("通知正文。\n(二○二一年三月五号)\n") ==
          std::vector<part>{{node_type::date, "(二○二一年三月五号)"}});
    CHECK(parts("通知正文。\n2021 年 3 月 5 日\u3000\u3000\n") ==
          std::vector<part>{{node_type::date, "2021 年 3 月 5 日"}});
    // A paragraph that begins with a year or a bracket and ends otherwise is no date.
    CHECK(parts("通知正文。\n2021年3月5日前完成\n").empty());
    CHECK(parts("通知正文。\n（2021年3月5日）前完成\n").empty());
  }

  TEST_CASE("advertising: the header block above the title and the repeated contact lines") {
    const auto p = parts(
        "仅供学习 禁止外传\n某某文库\n自建平台、实时分享\n\n现在订阅立享全部资料\n会员群：  "
        "免费QQ群：\n\n\n"
        "在全县经济工作会议上的讲话\n某某文库整理，咨询QQ123456\n同志们：\n一、甲\n内容。\n某某文库"
        "整理，咨询QQ123456\n");
    REQUIRE(p.size() == 9);
    for (int i : {0, 1, 2, 3, 4, 6, 8}) {
      INFO(i);
      CHECK(p[static_cast<std::size_t>(i)].type == node_type::noise);
      CHECK(p[static_cast<std::size_t>(i)].noise == noise_kind::advertising);
    }
    CHECK(p[5] == part{node_type::title, "在全县经济工作会议上的讲话"});
    CHECK(p[7] == part{node_type::salutation, "同志们："});
  }

  TEST_CASE("web-page furniture and metadata lines") {
    const auto p = parts(
        "下载\n打印\n【字号：\n加大\n还原\n减小\n】\n2026年某省政府工作报告\n来源：某某日报\n时间："
        "2026-02-03\n原文链接：https://example.org/a.html\n各位代表：\n");
    REQUIRE(p.size() == 12);
    for (int i : {0, 1, 2, 3, 4, 5, 6})
      CHECK(p[static_cast<std::size_t>(i)].noise == noise_kind::web);
    CHECK(p[7].type == node_type::title);
    for (int i : {8, 9, 10}) CHECK(p[static_cast<std::size_t>(i)].noise == noise_kind::metadata);
    CHECK(p[11].type == node_type::salutation);
  }

  TEST_CASE("a line of interface words is furniture, the longest words too") {
    const auto p =
        parts("打印此页 | 收藏本页 | 复制链接\n在全县项目建设推进会上的讲话\n同志们：\n");
    REQUIRE(p.size() == 3);
    CHECK(p[0].noise == noise_kind::web);
    CHECK(p[1].type == node_type::title);
  }

  TEST_CASE(
      "a government portal page: breadcrumbs, furniture, footer; the notice's own parts kept") {
    const auto p = parts(
        gongwen::parse(gongwen::test::read_file(gongwen::test::data_path("fixtures/portal.txt"))));
    std::vector<node_type> types;
    for (const auto& x : p) types.push_back(x.type);
    CHECK(types == std::vector<node_type>{node_type::noise, node_type::title, node_type::noise,
                                          node_type::noise, node_type::noise, node_type::addressee,
                                          node_type::signature, node_type::date, node_type::noise,
                                          node_type::noise, node_type::noise});
    CHECK(p[0].noise == noise_kind::metadata);  // 当前位置：首页 > …
    CHECK(p[4].noise == noise_kind::web);       // 扫一扫在手机打开当前页
    CHECK(p[10].noise == noise_kind::web);      // 网站标识码 … ICP备案号
  }

  TEST_CASE("metadata front matter and > disclaimers") {
    const auto p = parts(
        "---\ntitle: 政府工作报告\ndate: 2025-01-15\n---\n# 2025年政府工作报告\n> "
        "本文仅供参考，以正式文件为准。\n各位代表：\n");
    REQUIRE(p.size() == 8);
    for (int i : {0, 1, 2, 3}) CHECK(p[static_cast<std::size_t>(i)].noise == noise_kind::metadata);
    CHECK(p[4] == part{node_type::noise, "#", noise_kind::markup});
    CHECK(p[5] == part{node_type::title, "2025年政府工作报告"});
    CHECK(p[6].noise == noise_kind::disclaimer);
  }

  TEST_CASE("Markdown heading and bold marks before a marker are markup noise") {
    const std::string text = "## 一、总体要求\n正文。\n**（一）指导思想**\n正文。\n";
    const auto doc = gongwen::parse(text);
    CHECK(parts(doc) == std::vector<part>{{node_type::noise, "##", noise_kind::markup},
                                          {node_type::noise, "**", noise_kind::markup}});
    CHECK(gongwen::test::sections(doc) == "1:一、 2:（一）");
    std::vector<std::string> titles;  // the closing ** is no part of a title
    for (const auto& n : doc.nodes())
      if (n.type == node_type::section) titles.emplace_back(doc.text(doc.title_of(n)));
    CHECK(titles == std::vector<std::string>{"总体要求", "指导思想"});
  }

  TEST_CASE("a licence footer broken into fragments is noise, and so are captions") {
    const auto p = parts(
        "一、甲\n内容很长的一段话，内容很长的一段话，内容很长的一段话，内容很长的一段话，内容很长的"
        "一段话。\n"
        "会议现场。新华社记者 张三/摄\n本作品是\n法律\n，属于\n公有领域\n。\nPublic "
        "domain\nfalse\n");
    REQUIRE(p.size() == 8);
    for (const auto& x : p) CHECK(x.type == node_type::noise);
  }

  TEST_CASE("a caption of up to 160 characters is noise, however many bytes they take") {
    // A line's length is what it is in characters, four bytes each at most: 160 of them
    // (640 bytes) are counted, 161 are too many for a caption whatever they are.
    auto caption = [](std::size_t n, std::string_view ch) {
      std::string s;
      for (std::size_t k = 0; k + 2 < n; ++k) s += ch;
      return s + "/摄";  // two characters more
    };
    auto is_noise = [](const std::string& line) {
      const auto p = parts("一、甲\n内容很长的一段话，内容很长的一段话。\n" + line + "\n");
      return p.size() == 1 && p.front().type == node_type::noise;
    };
    for (const std::string_view ch : {"摄", "😀", "a"}) {
      INFO(ch);
      CHECK(is_noise(caption(120, ch)));
      CHECK(is_noise(caption(160, ch)));
      CHECK_FALSE(is_noise(caption(161, ch)));
    }
  }

  TEST_CASE("noise stays in the tree: every non-blank byte belongs to some leaf") {
    const std::string text =
        "仅供学习 禁止外传\n在某会上的讲话\n同志们：\n一、甲\n一是乙。二是丙。\n同志们，努力！\n";
    const auto doc = gongwen::parse(text);
    std::string covered(text.size(), ' ');
    for (const auto& n : doc.nodes()) {
      if (n.first_child != gongwen::no_node || n.type == node_type::document) continue;
      for (auto k = n.span.begin; k < n.span.end; ++k) covered[k] = 'x';
    }
    for (std::size_t k = 0; k < text.size(); ++k) {
      if (text[k] == '\n' || text[k] == ' ') continue;
      INFO(k);
      CHECK(covered[k] == 'x');
    }
  }

  TEST_CASE("not noise: long body text that mentions 微信 or 会员") {
    const auto p = parts(
        "一、甲\n要用好政务微信公众号平台，及时发布政策信息，同时做好会员单位服务，确保群众满意，把"
        "工作做细做实，不断提高服务水平。\n");
    CHECK(p.empty());
  }
}
