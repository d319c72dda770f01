// The words that make a sentence a directive and give a named unit its role. A list of
// words is a longest_word (one lookup) rather than a sor<> of strings tried in turn.
//
//   lead         X牵头 X总牵头 X牵头负责 X会同Y X联合Y
//   cooperate    Y配合 Y协助 Y全力配合 Y协同 会同Y 联合Y
//   responsible  X负责 X具体负责 X各负其责, X要…… X必须…… as the sentence's subject
#pragma once

#include "chars.hpp"
#include "words.hpp"

namespace gongwen::grammar {

// clang-format off
struct lead_cue : longest_word<TAO_PEGTL_STRING("总牵头"), TAO_PEGTL_STRING("牵头"), TAO_PEGTL_STRING("为牵头单位")> {};
// X会同Y, X联合Y: X leads, Y cooperates (not 联合会 联合国 联合体).
struct joint_cue : sor<TAO_PEGTL_STRING("会同"),
                       seq<TAO_PEGTL_STRING("联合"), not_at<one<U'会', U'国', U'体', U'社', U'党', U'支'>>>> {};
struct cooperate_adverb : longest_word<TAO_PEGTL_STRING("全力"), TAO_PEGTL_STRING("积极"), TAO_PEGTL_STRING("主动"),
                                        TAO_PEGTL_STRING("密切"), TAO_PEGTL_STRING("共同")> {};
struct cooperate_word : longest_word<TAO_PEGTL_STRING("配合"), TAO_PEGTL_STRING("协助"), TAO_PEGTL_STRING("协同"),
                                     TAO_PEGTL_STRING("协办"), TAO_PEGTL_STRING("参与")> {};
struct cooperate_cue : seq<opt<cooperate_adverb>, cooperate_word> {};
struct responsible_word : longest_word<TAO_PEGTL_STRING("具体负责"), TAO_PEGTL_STRING("分别负责"), TAO_PEGTL_STRING("共同负责"),
                                       TAO_PEGTL_STRING("负总责"), TAO_PEGTL_STRING("各负其责"), TAO_PEGTL_STRING("负责")> {};
struct responsible_cue : seq<responsible_word, not_at<one<U'制', U'人'>>> {};  // not 市长负责制, 负责人

// Modal and imperative words. 要 is one only where it is not part of a word
// (重要 主要 需要 只要 要素 要点 …); words before it are checked by the caller.
struct modal_phrase : longest_word<TAO_PEGTL_STRING("必须"), TAO_PEGTL_STRING("务必"), TAO_PEGTL_STRING("一定要"),
                        TAO_PEGTL_STRING("确保"), TAO_PEGTL_STRING("力争"), TAO_PEGTL_STRING("抓紧"),
                        TAO_PEGTL_STRING("加快"), TAO_PEGTL_STRING("严禁"), TAO_PEGTL_STRING("不得"),
                        TAO_PEGTL_STRING("应当"), TAO_PEGTL_STRING("应该"), TAO_PEGTL_STRING("务求"),
                        TAO_PEGTL_STRING("切实"), TAO_PEGTL_STRING("一律"), TAO_PEGTL_STRING("坚决"),
                        TAO_PEGTL_STRING("禁止"), TAO_PEGTL_STRING("不准"), TAO_PEGTL_STRING("尽快"),
                        TAO_PEGTL_STRING("责成"), TAO_PEGTL_STRING("督促")> {};
struct modal_word : sor<modal_phrase,
                        seq<one<U'要'>, not_at<one<U'素', U'点', U'务', U'事', U'闻', U'害', U'地', U'津', U'塞', U'道', U'件', U'义', U'求'>>>> {};
// The first character of a word that 要 ends: 重要 主要 需要 只要 首要 …
struct not_modal_before_yao : one<U'重', U'主', U'需', U'只', U'摘', U'纲', U'首', U'紧', U'次', U'概', U'提', U'简',
                                  U'扼', U'必', U'想', U'快', U'将', U'显', U'政', U'机', U'险', U'总'> {};

// Adverbs and times between a subject and its cue: 各乡镇也要, 各地各部门就一定要,
// 各工作组从现在起就要.
struct subject_adverb : sor<longest_word<TAO_PEGTL_STRING("从现在起"), TAO_PEGTL_STRING("会后"), TAO_PEGTL_STRING("近期"),
                                         TAO_PEGTL_STRING("今后"), TAO_PEGTL_STRING("下半年"), TAO_PEGTL_STRING("一定"),
                                         TAO_PEGTL_STRING("按职责分工"), TAO_PEGTL_STRING("按照职责分工"),
                                         TAO_PEGTL_STRING("按照职责"), TAO_PEGTL_STRING("按职责"), TAO_PEGTL_STRING("分别"),
                                         TAO_PEGTL_STRING("共同")>,
                            one<U'都', U'也', U'均', U'就', U'还', U'亦', U'须'>> {};

// What follows a unit that is the subject of its clause, with no role word or modal:
// 省金融监管局在考核中予以奖励, 人行南昌中心支行给予再贷款倾斜, 各企业积极响应.
struct subject_cue : longest_word<TAO_PEGTL_STRING("进一步"), TAO_PEGTL_STRING("给予"), TAO_PEGTL_STRING("指导"),
                         TAO_PEGTL_STRING("受理"), TAO_PEGTL_STRING("重点"), TAO_PEGTL_STRING("积极"),
                         TAO_PEGTL_STRING("主动"), TAO_PEGTL_STRING("认真"), TAO_PEGTL_STRING("全力"),
                         TAO_PEGTL_STRING("继续"), TAO_PEGTL_STRING("及时"), TAO_PEGTL_STRING("全面"),
                         TAO_PEGTL_STRING("统筹"), TAO_PEGTL_STRING("加强"), TAO_PEGTL_STRING("加大"),
                         TAO_PEGTL_STRING("做好"), TAO_PEGTL_STRING("抓好"), TAO_PEGTL_STRING("落实"),
                         TAO_PEGTL_STRING("履行"), TAO_PEGTL_STRING("承担"), TAO_PEGTL_STRING("组织"),
                         TAO_PEGTL_STRING("督促"), TAO_PEGTL_STRING("协调"), TAO_PEGTL_STRING("研究"),
                         TAO_PEGTL_STRING("开展"), TAO_PEGTL_STRING("联合"), TAO_PEGTL_STRING("共同"),
                         TAO_PEGTL_STRING("严格"), TAO_PEGTL_STRING("依法"), TAO_PEGTL_STRING("按照"),
                         TAO_PEGTL_STRING("根据"), TAO_PEGTL_STRING("结合"), TAO_PEGTL_STRING("围绕"),
                         TAO_PEGTL_STRING("在"), TAO_PEGTL_STRING("于"), TAO_PEGTL_STRING("对"),
                         TAO_PEGTL_STRING("向"), TAO_PEGTL_STRING("将")> {};

// Words after which a clause names the unit that acts, whatever verb follows:
// 由相关部门协调解决, 希望省市帮扶单位充分发挥.
struct introducer : longest_word<TAO_PEGTL_STRING("并由"), TAO_PEGTL_STRING("希望"), TAO_PEGTL_STRING("责成"),
                                 TAO_PEGTL_STRING("由")> {};
// The same, but only where a clause starts (申请 已经 introduce nothing): 请各乡镇…,
// 经江西证监局评估后 (not 经济 经营 经过 …; 经县政府同意 is an approval, see below).
struct by_way_of : seq<one<U'经'>, not_at<one<U'济', U'营', U'过', U'费', U'验', U'历', U'常', U'典', U'纪', U'理',
                                               U'销', U'办', U'手', U'商', U'贸', U'管', U'度', U'久', U'略'>>> {};
struct opening_introducer : sor<one<U'请'>, by_way_of> {};
// Characters after a unit that show it is no subject after 由 督促 希望: 由X的, 由X和Y.
struct not_a_verb : one<U'的', U'之', U'是', U'可', U'为', U'所', U'已', U'曾', U'和', U'及', U'与', U'等',
                        U'也', U'都'> {};
// Verbs of approval, after which the unit named has no task: 经县政府同意.
struct approval : longest_word<TAO_PEGTL_STRING("研究同意"), TAO_PEGTL_STRING("同意"), TAO_PEGTL_STRING("批准"),
                      TAO_PEGTL_STRING("审定"), TAO_PEGTL_STRING("审议")> {};

// Words after which a new clause begins whose subject still needs a cue:
// 督促融万公司加快…, 特别是分管领导要…, 要求各乡镇…
struct clause_opener : longest_word<TAO_PEGTL_STRING("特别是"), TAO_PEGTL_STRING("尤其是"), TAO_PEGTL_STRING("其中"),
                           TAO_PEGTL_STRING("同时"), TAO_PEGTL_STRING("督促"), TAO_PEGTL_STRING("要求")> {};

// Work reported as done: 了 (not 为了 了解 除了 …), 已经, 以来.
struct perfective_word : longest_word<TAO_PEGTL_STRING("已经"), TAO_PEGTL_STRING("以来"), TAO_PEGTL_STRING("去年")> {};
struct perfective : sor<perfective_word, seq<one<U'了'>, not_at<one<U'解', U'结', U'如'>>>> {};
struct not_perfective_before_le : one<U'为', U'除', U'不', U'罢', U'得', U'受'> {};

// （牵头单位：县住建局；配合单位：各乡镇；完成时限：2021年9月底前）
struct lead_label : longest_word<TAO_PEGTL_STRING("牵头单位"), TAO_PEGTL_STRING("牵头部门"), TAO_PEGTL_STRING("牵头领导")> {};
struct cooperate_label : longest_word<TAO_PEGTL_STRING("配合单位"), TAO_PEGTL_STRING("配合部门"), TAO_PEGTL_STRING("协办单位"),
                             TAO_PEGTL_STRING("参与单位"), TAO_PEGTL_STRING("协同单位")> {};
struct responsible_label : longest_word<TAO_PEGTL_STRING("责任单位"), TAO_PEGTL_STRING("责任部门"), TAO_PEGTL_STRING("主办单位"),
                               TAO_PEGTL_STRING("实施单位"), TAO_PEGTL_STRING("承办单位"), TAO_PEGTL_STRING("主责单位"),
                               TAO_PEGTL_STRING("责任主体"), TAO_PEGTL_STRING("责任领导"), TAO_PEGTL_STRING("责任人")> {};
struct deadline_label : longest_word<TAO_PEGTL_STRING("完成时限"), TAO_PEGTL_STRING("时间节点"), TAO_PEGTL_STRING("完成时间"),
                            TAO_PEGTL_STRING("办结时限"), TAO_PEGTL_STRING("时限")> {};
struct assignment_label : sor<lead_label, cooperate_label, responsible_label, deadline_label> {};
// clang-format on

}  // namespace gongwen::grammar
