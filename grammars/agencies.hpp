// Responsible units: organisations and people named by office, as these documents
// write them, and the lists they come in. Rules only: no actions, no state.
//
// A unit is a name ending in a unit suffix (县发改局, 人行×支行, 县政府分管领导),
// extended by further short segments (市生态环境局×分局, 扶贫开发领导小组成员单位);
// a place-name unit (各乡镇, 平襄镇, 各地) ends where a separator or a cue follows.
// Lists join units with 、和及与; a list of department short names shares the suffix
// that closes it (人社、就业部门; 税务、财政、住建、自然资源等部门).
#pragma once

#include "chars.hpp"
#include "directives.hpp"
#include "grammar_match.hpp"
#include "numerals.hpp"
#include "words.hpp"

#include <string_view>

namespace gongwen::grammar {

// clang-format off

// Short names of government departments, as lists use them before a shared 部门: 人社、就业部门.
struct department_word : longest_word<
    TAO_PEGTL_STRING("人力资源和社会保障"), TAO_PEGTL_STRING("人力资源社会保障"), TAO_PEGTL_STRING("住房和城乡建设"), TAO_PEGTL_STRING("卫生和计划生育"), TAO_PEGTL_STRING("商务和投资促进"), TAO_PEGTL_STRING("文化广电和旅游"),
    TAO_PEGTL_STRING("粮食和物资储备"), TAO_PEGTL_STRING("自然资源和规划"), TAO_PEGTL_STRING("住房城乡建设"), TAO_PEGTL_STRING("工业和信息化"), TAO_PEGTL_STRING("市场监督管理"), TAO_PEGTL_STRING("经济和信息化"),
    TAO_PEGTL_STRING("综合行政执法"), TAO_PEGTL_STRING("退役军人事务"), TAO_PEGTL_STRING("住房公积金"), TAO_PEGTL_STRING("发展和改革"), TAO_PEGTL_STRING("工业信息化"), TAO_PEGTL_STRING("文化和旅游"),
    TAO_PEGTL_STRING("林业和草原"), TAO_PEGTL_STRING("乡村振兴"), TAO_PEGTL_STRING("交通运输"), TAO_PEGTL_STRING("人力资源"), TAO_PEGTL_STRING("人民银行"), TAO_PEGTL_STRING("农业农村"),
    TAO_PEGTL_STRING("劳动保障"), TAO_PEGTL_STRING("医疗保障"), TAO_PEGTL_STRING("卫生健康"), TAO_PEGTL_STRING("发展改革"), TAO_PEGTL_STRING("国土资源"), TAO_PEGTL_STRING("国家安全"),
    TAO_PEGTL_STRING("国有资产"), TAO_PEGTL_STRING("国防动员"), TAO_PEGTL_STRING("城乡建设"), TAO_PEGTL_STRING("城市管理"), TAO_PEGTL_STRING("市场监管"), TAO_PEGTL_STRING("广播电视"),
    TAO_PEGTL_STRING("应急管理"), TAO_PEGTL_STRING("扶贫开发"), TAO_PEGTL_STRING("投资促进"), TAO_PEGTL_STRING("政务服务"), TAO_PEGTL_STRING("教育体育"), TAO_PEGTL_STRING("文体旅游"),
    TAO_PEGTL_STRING("文化旅游"), TAO_PEGTL_STRING("新闻出版"), TAO_PEGTL_STRING("机关事务"), TAO_PEGTL_STRING("森林公安"), TAO_PEGTL_STRING("民族宗教"), TAO_PEGTL_STRING("消防救援"),
    TAO_PEGTL_STRING("环境保护"), TAO_PEGTL_STRING("生态环境"), TAO_PEGTL_STRING("畜牧兽医"), TAO_PEGTL_STRING("知识产权"), TAO_PEGTL_STRING("社会保险"), TAO_PEGTL_STRING("科学技术"),
    TAO_PEGTL_STRING("红十字会"), TAO_PEGTL_STRING("纪检监察"), TAO_PEGTL_STRING("综合执法"), TAO_PEGTL_STRING("自然资源"), TAO_PEGTL_STRING("行政审批"), TAO_PEGTL_STRING("退役军人"),
    TAO_PEGTL_STRING("金融监管"), TAO_PEGTL_STRING("公积金"), TAO_PEGTL_STRING("共青团"), TAO_PEGTL_STRING("大数据"), TAO_PEGTL_STRING("文广旅"), TAO_PEGTL_STRING("融媒体"),
    TAO_PEGTL_STRING("银保监"), TAO_PEGTL_STRING("食药监"), TAO_PEGTL_STRING("交警"), TAO_PEGTL_STRING("交通"), TAO_PEGTL_STRING("人社"), TAO_PEGTL_STRING("人行"),
    TAO_PEGTL_STRING("人防"), TAO_PEGTL_STRING("住建"), TAO_PEGTL_STRING("体育"), TAO_PEGTL_STRING("供电"), TAO_PEGTL_STRING("供销"), TAO_PEGTL_STRING("侨务"),
    TAO_PEGTL_STRING("保密"), TAO_PEGTL_STRING("信访"), TAO_PEGTL_STRING("公安"), TAO_PEGTL_STRING("公路"), TAO_PEGTL_STRING("兽医"), TAO_PEGTL_STRING("农业"),
    TAO_PEGTL_STRING("农机"), TAO_PEGTL_STRING("农牧"), TAO_PEGTL_STRING("农科"), TAO_PEGTL_STRING("农经"), TAO_PEGTL_STRING("医保"), TAO_PEGTL_STRING("卫健"),
    TAO_PEGTL_STRING("卫生"), TAO_PEGTL_STRING("卫计"), TAO_PEGTL_STRING("发改"), TAO_PEGTL_STRING("司法"), TAO_PEGTL_STRING("商务"), TAO_PEGTL_STRING("园林"),
    TAO_PEGTL_STRING("国土"), TAO_PEGTL_STRING("国资"), TAO_PEGTL_STRING("地震"), TAO_PEGTL_STRING("城建"), TAO_PEGTL_STRING("城管"), TAO_PEGTL_STRING("外事"),
    TAO_PEGTL_STRING("妇联"), TAO_PEGTL_STRING("安监"), TAO_PEGTL_STRING("宗教"), TAO_PEGTL_STRING("审计"), TAO_PEGTL_STRING("宣传"), TAO_PEGTL_STRING("就业"),
    TAO_PEGTL_STRING("工会"), TAO_PEGTL_STRING("工信"), TAO_PEGTL_STRING("工商"), TAO_PEGTL_STRING("广电"), TAO_PEGTL_STRING("应急"), TAO_PEGTL_STRING("建设"),
    TAO_PEGTL_STRING("房产"), TAO_PEGTL_STRING("房管"), TAO_PEGTL_STRING("扶贫"), TAO_PEGTL_STRING("招商"), TAO_PEGTL_STRING("政法"), TAO_PEGTL_STRING("教体"),
    TAO_PEGTL_STRING("教科"), TAO_PEGTL_STRING("教育"), TAO_PEGTL_STRING("数据"), TAO_PEGTL_STRING("文体"), TAO_PEGTL_STRING("文化"), TAO_PEGTL_STRING("文广"),
    TAO_PEGTL_STRING("文旅"), TAO_PEGTL_STRING("旅游"), TAO_PEGTL_STRING("林业"), TAO_PEGTL_STRING("林草"), TAO_PEGTL_STRING("档案"), TAO_PEGTL_STRING("武装"),
    TAO_PEGTL_STRING("残联"), TAO_PEGTL_STRING("民宗"), TAO_PEGTL_STRING("民政"), TAO_PEGTL_STRING("民族"), TAO_PEGTL_STRING("气象"), TAO_PEGTL_STRING("水保"),
    TAO_PEGTL_STRING("水利"), TAO_PEGTL_STRING("水务"), TAO_PEGTL_STRING("海关"), TAO_PEGTL_STRING("消防"), TAO_PEGTL_STRING("烟草"), TAO_PEGTL_STRING("环保"),
    TAO_PEGTL_STRING("环卫"), TAO_PEGTL_STRING("电力"), TAO_PEGTL_STRING("畜牧"), TAO_PEGTL_STRING("疾控"), TAO_PEGTL_STRING("社保"), TAO_PEGTL_STRING("科协"),
    TAO_PEGTL_STRING("科技"), TAO_PEGTL_STRING("移民"), TAO_PEGTL_STRING("税务"), TAO_PEGTL_STRING("税收"), TAO_PEGTL_STRING("粮食"), TAO_PEGTL_STRING("组织"),
    TAO_PEGTL_STRING("经信"), TAO_PEGTL_STRING("统战"), TAO_PEGTL_STRING("统计"), TAO_PEGTL_STRING("网信"), TAO_PEGTL_STRING("航运"), TAO_PEGTL_STRING("草原"),
    TAO_PEGTL_STRING("规划"), TAO_PEGTL_STRING("证监"), TAO_PEGTL_STRING("财政"), TAO_PEGTL_STRING("质监"), TAO_PEGTL_STRING("邮政"), TAO_PEGTL_STRING("金融"),
    TAO_PEGTL_STRING("铁路"), TAO_PEGTL_STRING("防汛")> {};

// What ends the name of an organisation: 县发改局, 人行×支行, 扶贫开发领导小组成员单位.
struct organisation_suffix : longest_word<TAO_PEGTL_STRING("常委会"),
    TAO_PEGTL_STRING("街道办事处"), TAO_PEGTL_STRING("人民政府"), TAO_PEGTL_STRING("基层组织"), TAO_PEGTL_STRING("工作专班"), TAO_PEGTL_STRING("工作小组"), TAO_PEGTL_STRING("成员单位"),
    TAO_PEGTL_STRING("领导小组"), TAO_PEGTL_STRING("事务所"), TAO_PEGTL_STRING("信用社"), TAO_PEGTL_STRING("党工委"), TAO_PEGTL_STRING("党组织"), TAO_PEGTL_STRING("农商行"),
    TAO_PEGTL_STRING("分公司"), TAO_PEGTL_STRING("办公厅"), TAO_PEGTL_STRING("办公室"), TAO_PEGTL_STRING("卫生院"), TAO_PEGTL_STRING("发行人"), TAO_PEGTL_STRING("合作社"),
    TAO_PEGTL_STRING("委员会"), TAO_PEGTL_STRING("居委会"), TAO_PEGTL_STRING("工作组"), TAO_PEGTL_STRING("工作队"), TAO_PEGTL_STRING("幼儿园"), TAO_PEGTL_STRING("开发区"),
    TAO_PEGTL_STRING("指挥部"), TAO_PEGTL_STRING("村委会"), TAO_PEGTL_STRING("检察院"), TAO_PEGTL_STRING("派出所"), TAO_PEGTL_STRING("电视台"), TAO_PEGTL_STRING("研究院"),
    TAO_PEGTL_STRING("管委会"), TAO_PEGTL_STRING("联合会"), TAO_PEGTL_STRING("街道办"), TAO_PEGTL_STRING("设计院"), TAO_PEGTL_STRING("专班"), TAO_PEGTL_STRING("中学"),
    TAO_PEGTL_STRING("中心"), TAO_PEGTL_STRING("中队"), TAO_PEGTL_STRING("企业"), TAO_PEGTL_STRING("党委"), TAO_PEGTL_STRING("党组"), TAO_PEGTL_STRING("公司"),
    TAO_PEGTL_STRING("分局"), TAO_PEGTL_STRING("分行"), TAO_PEGTL_STRING("医院"), TAO_PEGTL_STRING("协会"), TAO_PEGTL_STRING("单位"), TAO_PEGTL_STRING("商会"),
    TAO_PEGTL_STRING("园区"), TAO_PEGTL_STRING("大学"), TAO_PEGTL_STRING("大队"), TAO_PEGTL_STRING("学会"), TAO_PEGTL_STRING("学校"), TAO_PEGTL_STRING("学院"),
    TAO_PEGTL_STRING("小学"), TAO_PEGTL_STRING("小组"), TAO_PEGTL_STRING("报社"), TAO_PEGTL_STRING("支行"), TAO_PEGTL_STRING("支队"), TAO_PEGTL_STRING("政府"),
    TAO_PEGTL_STRING("机关"), TAO_PEGTL_STRING("机构"), TAO_PEGTL_STRING("法院"), TAO_PEGTL_STRING("监委"), TAO_PEGTL_STRING("社区"), TAO_PEGTL_STRING("纪委"),
    TAO_PEGTL_STRING("联社"), TAO_PEGTL_STRING("街道"), TAO_PEGTL_STRING("部门"), TAO_PEGTL_STRING("银行"), TAO_PEGTL_STRING("集团"), TAO_PEGTL_STRING("办"),
    TAO_PEGTL_STRING("厅"), TAO_PEGTL_STRING("委"), TAO_PEGTL_STRING("室"), TAO_PEGTL_STRING("局"), TAO_PEGTL_STRING("站"), TAO_PEGTL_STRING("组"),
    TAO_PEGTL_STRING("部"), TAO_PEGTL_STRING("队")> {};


// What ends the name of a person named by office: ×同志, 县政府分管领导, 县委书记.
struct office_word : longest_word<
    TAO_PEGTL_STRING("分管县级领导干部"), TAO_PEGTL_STRING("主要负责同志"), TAO_PEGTL_STRING("分管县级领导"), TAO_PEGTL_STRING("分管负责同志"), TAO_PEGTL_STRING("分管领导干部"), TAO_PEGTL_STRING("“一把手”"),
    TAO_PEGTL_STRING("主要负责人"), TAO_PEGTL_STRING("常务副县长"), TAO_PEGTL_STRING("主要领导"), TAO_PEGTL_STRING("分管领导"), TAO_PEGTL_STRING("县级领导"), TAO_PEGTL_STRING("班子成员"),
    TAO_PEGTL_STRING("第一书记"), TAO_PEGTL_STRING("负责同志"), TAO_PEGTL_STRING("领导班子"), TAO_PEGTL_STRING("一把手"), TAO_PEGTL_STRING("副主任"), TAO_PEGTL_STRING("副乡长"),
    TAO_PEGTL_STRING("副书记"), TAO_PEGTL_STRING("副区长"), TAO_PEGTL_STRING("副县长"), TAO_PEGTL_STRING("副局长"), TAO_PEGTL_STRING("副市长"), TAO_PEGTL_STRING("副镇长"),
    TAO_PEGTL_STRING("负责人"), TAO_PEGTL_STRING("主任"), TAO_PEGTL_STRING("乡长"), TAO_PEGTL_STRING("书记"), TAO_PEGTL_STRING("区长"), TAO_PEGTL_STRING("县长"),
    TAO_PEGTL_STRING("局长"), TAO_PEGTL_STRING("市长"), TAO_PEGTL_STRING("林长"), TAO_PEGTL_STRING("河长"), TAO_PEGTL_STRING("湖长"),
    TAO_PEGTL_STRING("路长"), TAO_PEGTL_STRING("镇长")> {};
// 同志 after a name or a redaction (×同志), never 同志们.
struct comrade : seq<TAO_PEGTL_STRING("同志"), not_at<one<U'们'>>> {};
struct office_suffix : sor<comrade, office_word> {};

// Words a unit's name never starts with: verbs, adverbs, pronouns, times (支持工业园区发展 names no unit).
struct leading_word : longest_word<TAO_PEGTL_STRING("年内"), TAO_PEGTL_STRING("年底"), TAO_PEGTL_STRING("近期"),
    TAO_PEGTL_STRING("届时"), TAO_PEGTL_STRING("会后"), TAO_PEGTL_STRING("此后"), TAO_PEGTL_STRING("以后"),
    TAO_PEGTL_STRING("上半年"), TAO_PEGTL_STRING("下半年"), TAO_PEGTL_STRING("习近平"), TAO_PEGTL_STRING("每一个"), TAO_PEGTL_STRING("进一步"), TAO_PEGTL_STRING("一些"),
    TAO_PEGTL_STRING("一家"), TAO_PEGTL_STRING("一要"), TAO_PEGTL_STRING("三要"), TAO_PEGTL_STRING("上级"), TAO_PEGTL_STRING("下级"), TAO_PEGTL_STRING("不少"),
    TAO_PEGTL_STRING("不断"), TAO_PEGTL_STRING("两家"), TAO_PEGTL_STRING("严格"), TAO_PEGTL_STRING("个别"), TAO_PEGTL_STRING("为了"), TAO_PEGTL_STRING("主动"),
    TAO_PEGTL_STRING("举办"), TAO_PEGTL_STRING("也要"), TAO_PEGTL_STRING("争取"), TAO_PEGTL_STRING("二要"), TAO_PEGTL_STRING("今后"), TAO_PEGTL_STRING("今年"),
    TAO_PEGTL_STRING("优化"), TAO_PEGTL_STRING("依托"), TAO_PEGTL_STRING("依法"), TAO_PEGTL_STRING("促进"), TAO_PEGTL_STRING("借助"), TAO_PEGTL_STRING("做好"),
    TAO_PEGTL_STRING("健全"), TAO_PEGTL_STRING("全体"), TAO_PEGTL_STRING("全力"), TAO_PEGTL_STRING("全部"), TAO_PEGTL_STRING("全面"), TAO_PEGTL_STRING("关于"),
    TAO_PEGTL_STRING("其中"), TAO_PEGTL_STRING("减少"), TAO_PEGTL_STRING("出台"), TAO_PEGTL_STRING("分解"), TAO_PEGTL_STRING("切实"), TAO_PEGTL_STRING("利用"),
    TAO_PEGTL_STRING("制定"), TAO_PEGTL_STRING("力争"), TAO_PEGTL_STRING("办好"), TAO_PEGTL_STRING("办理"), TAO_PEGTL_STRING("加强"), TAO_PEGTL_STRING("加快"),
    TAO_PEGTL_STRING("协调"), TAO_PEGTL_STRING("印发"), TAO_PEGTL_STRING("压实"), TAO_PEGTL_STRING("去年"), TAO_PEGTL_STRING("及时"), TAO_PEGTL_STRING("发挥"),
    TAO_PEGTL_STRING("另外"), TAO_PEGTL_STRING("召开"), TAO_PEGTL_STRING("各位"), TAO_PEGTL_STRING("同时"), TAO_PEGTL_STRING("围绕"), TAO_PEGTL_STRING("坚决"),
    TAO_PEGTL_STRING("坚持"), TAO_PEGTL_STRING("培育"), TAO_PEGTL_STRING("增加"), TAO_PEGTL_STRING("多家"), TAO_PEGTL_STRING("大力"), TAO_PEGTL_STRING("大家"),
    TAO_PEGTL_STRING("完善"), TAO_PEGTL_STRING("实施"), TAO_PEGTL_STRING("对于"), TAO_PEGTL_STRING("对接"), TAO_PEGTL_STRING("尤其"), TAO_PEGTL_STRING("就要"),
    TAO_PEGTL_STRING("尽快"), TAO_PEGTL_STRING("希望"), TAO_PEGTL_STRING("带动"), TAO_PEGTL_STRING("帮助"), TAO_PEGTL_STRING("广大"),
    TAO_PEGTL_STRING("建立"), TAO_PEGTL_STRING("开展"), TAO_PEGTL_STRING("开辟"), TAO_PEGTL_STRING("引导"), TAO_PEGTL_STRING("引进"),
    TAO_PEGTL_STRING("强化"), TAO_PEGTL_STRING("当前"), TAO_PEGTL_STRING("成立"), TAO_PEGTL_STRING("我们"), TAO_PEGTL_STRING("所在"), TAO_PEGTL_STRING("所有"),
    TAO_PEGTL_STRING("打造"), TAO_PEGTL_STRING("扩大"), TAO_PEGTL_STRING("抓好"), TAO_PEGTL_STRING("抓紧"), TAO_PEGTL_STRING("持续"), TAO_PEGTL_STRING("按照"),
    TAO_PEGTL_STRING("推动"), TAO_PEGTL_STRING("推进"), TAO_PEGTL_STRING("提供"), TAO_PEGTL_STRING("提升"), TAO_PEGTL_STRING("提高"), TAO_PEGTL_STRING("支持"),
    TAO_PEGTL_STRING("改造"), TAO_PEGTL_STRING("整合"), TAO_PEGTL_STRING("新建"), TAO_PEGTL_STRING("明年"), TAO_PEGTL_STRING("明确"), TAO_PEGTL_STRING("有些"),
    TAO_PEGTL_STRING("有的"), TAO_PEGTL_STRING("本次"), TAO_PEGTL_STRING("本级"), TAO_PEGTL_STRING("根据"), TAO_PEGTL_STRING("此外"), TAO_PEGTL_STRING("此次"),
    TAO_PEGTL_STRING("每个"), TAO_PEGTL_STRING("深化"), TAO_PEGTL_STRING("特别"), TAO_PEGTL_STRING("目前"), TAO_PEGTL_STRING("着力"), TAO_PEGTL_STRING("督促"),
    TAO_PEGTL_STRING("瞄准"), TAO_PEGTL_STRING("确保"), TAO_PEGTL_STRING("示范"), TAO_PEGTL_STRING("积极"), TAO_PEGTL_STRING("紧扣"), TAO_PEGTL_STRING("紧盯"),
    TAO_PEGTL_STRING("组建"), TAO_PEGTL_STRING("细化"), TAO_PEGTL_STRING("结合"), TAO_PEGTL_STRING("统筹"), TAO_PEGTL_STRING("继续"), TAO_PEGTL_STRING("编制"),
    TAO_PEGTL_STRING("聚焦"), TAO_PEGTL_STRING("落实"), TAO_PEGTL_STRING("衔接"), TAO_PEGTL_STRING("要求"), TAO_PEGTL_STRING("规范"), TAO_PEGTL_STRING("认真"),
    TAO_PEGTL_STRING("许多"), TAO_PEGTL_STRING("设立"), TAO_PEGTL_STRING("谋划"), TAO_PEGTL_STRING("跟进"), TAO_PEGTL_STRING("还要"), TAO_PEGTL_STRING("这个"),
    TAO_PEGTL_STRING("这些"), TAO_PEGTL_STRING("这次"), TAO_PEGTL_STRING("通过"), TAO_PEGTL_STRING("那些"), TAO_PEGTL_STRING("部分"), TAO_PEGTL_STRING("都要"),
    TAO_PEGTL_STRING("重点"), TAO_PEGTL_STRING("针对"), TAO_PEGTL_STRING("降低"), TAO_PEGTL_STRING("鼓励"), TAO_PEGTL_STRING("该")> {};

// A count is no name: 两家银行, X家企业.
struct count_word : seq<sor<plus<digit>, plus<redaction>, cn_numeral, one<U'两', U'几', U'多', U'数'>>,
                        one<U'家', U'个', U'户', U'名', U'位', U'所'>> {};

// Words that contain a suffix character but are not the end of a unit's name.
struct plain_word : longest_word<TAO_PEGTL_STRING("组织"), TAO_PEGTL_STRING("城市"), TAO_PEGTL_STRING("城区"), TAO_PEGTL_STRING("地区"),
                                 TAO_PEGTL_STRING("农村"), TAO_PEGTL_STRING("乡村"), TAO_PEGTL_STRING("干部"), TAO_PEGTL_STRING("全部"), TAO_PEGTL_STRING("内部"),
                        TAO_PEGTL_STRING("外部"), TAO_PEGTL_STRING("局部"), TAO_PEGTL_STRING("局面"),
                        TAO_PEGTL_STRING("局势"), TAO_PEGTL_STRING("部分"), TAO_PEGTL_STRING("部署"),
                        TAO_PEGTL_STRING("行动"), TAO_PEGTL_STRING("行业"), TAO_PEGTL_STRING("行为"),
                        TAO_PEGTL_STRING("院校"), TAO_PEGTL_STRING("所有"), TAO_PEGTL_STRING("所在"),
                        TAO_PEGTL_STRING("所属"), TAO_PEGTL_STRING("站位"), TAO_PEGTL_STRING("队伍"),
                        TAO_PEGTL_STRING("企业家"), TAO_PEGTL_STRING("中心城区"), TAO_PEGTL_STRING("中心工作"),
                        TAO_PEGTL_STRING("中心任务"), TAO_PEGTL_STRING("组建"), TAO_PEGTL_STRING("组成"),
                        TAO_PEGTL_STRING("办理"), TAO_PEGTL_STRING("办好"), TAO_PEGTL_STRING("办法"),
                        TAO_PEGTL_STRING("督办"), TAO_PEGTL_STRING("承办"), TAO_PEGTL_STRING("主办"),
                        TAO_PEGTL_STRING("协办"), TAO_PEGTL_STRING("代办"), TAO_PEGTL_STRING("帮办"),
                        TAO_PEGTL_STRING("创办"), TAO_PEGTL_STRING("开办"), TAO_PEGTL_STRING("兴办"),
                        TAO_PEGTL_STRING("举办"), TAO_PEGTL_STRING("申办"), TAO_PEGTL_STRING("全局"),
                        TAO_PEGTL_STRING("大局"), TAO_PEGTL_STRING("格局"), TAO_PEGTL_STRING("布局"),
                        TAO_PEGTL_STRING("开局"), TAO_PEGTL_STRING("结局"), TAO_PEGTL_STRING("东部"),
                        TAO_PEGTL_STRING("西部"), TAO_PEGTL_STRING("中部"), TAO_PEGTL_STRING("南部"),
                        TAO_PEGTL_STRING("北部"), TAO_PEGTL_STRING("总书记"), TAO_PEGTL_STRING("组合"),
                        TAO_PEGTL_STRING("组团"), TAO_PEGTL_STRING("委托"), TAO_PEGTL_STRING("委员")> {};

// Scope words a unit may begin with: 全县各级党组织, 县直各有关部门, 政府系统各级党组织.
struct scope_word : longest_word<TAO_PEGTL_STRING("政府系统"), TAO_PEGTL_STRING("全省"), TAO_PEGTL_STRING("全市"),
                        TAO_PEGTL_STRING("全县"), TAO_PEGTL_STRING("全区"), TAO_PEGTL_STRING("全州"),
                        TAO_PEGTL_STRING("全旗"), TAO_PEGTL_STRING("全乡"), TAO_PEGTL_STRING("全镇"),
                        TAO_PEGTL_STRING("省直"), TAO_PEGTL_STRING("市直"), TAO_PEGTL_STRING("县直"),
                        TAO_PEGTL_STRING("区直"), TAO_PEGTL_STRING("州直"), TAO_PEGTL_STRING("辖区"),
                        TAO_PEGTL_STRING("各级"), TAO_PEGTL_STRING("有关"), TAO_PEGTL_STRING("相关"),
                        TAO_PEGTL_STRING("其他"), TAO_PEGTL_STRING("各")> {};

struct conjunction : one<U'和', U'及', U'与'> {};
struct coordinator : sor<TAO_PEGTL_STRING("以及"), enum_comma, conjunction> {};

// Place names end a unit only where a separator or a cue follows: 各乡镇、 平襄镇和 各地各部门,
// 各乡镇做好.
struct place_suffix : longest_word<TAO_PEGTL_STRING("乡镇"), TAO_PEGTL_STRING("街道"), TAO_PEGTL_STRING("省"),
                          TAO_PEGTL_STRING("市"), TAO_PEGTL_STRING("县"), TAO_PEGTL_STRING("区"), TAO_PEGTL_STRING("乡"),
                          TAO_PEGTL_STRING("镇"), TAO_PEGTL_STRING("村"), TAO_PEGTL_STRING("州"), TAO_PEGTL_STRING("旗")> {};
struct place_follow : first_sor<coordinator, comma, full_stop, semicolon, colon, one<U'各', U'等', U'在', U'于', U'对', U'向', U'将'>,
                          lead_cue, joint_cue, cooperate_cue, responsible_cue, modal_word, subject_adverb, subject_cue,
                          TAO_PEGTL_STRING("党委"), TAO_PEGTL_STRING("主要"), eof> {};

struct unit_suffix : sor<office_suffix, organisation_suffix> {};
struct name_end : sor<unit_suffix, seq<place_suffix, at<place_follow>>> {};

// Characters that never stand inside a unit's name.
struct name_stop : one<U'的', U'要', U'把', U'对', U'将', U'被', U'让', U'使', U'给', U'向', U'从', U'以', U'由', U'为',
                       U'是', U'了', U'在', U'于', U'与', U'及', U'等', U'并', U'而', U'但', U'都',
                       U'也', U'还', U'又', U'才', U'已', U'着', U'过', U'这', U'那', U'此', U'我', U'你', U'他', U'们',
                       U'各'> {};
// 党组（党委） 各县（市、区） 县发改局（县粮食和物资储备局）
struct alias : seq<open_paren, rep_min_max<1, 12, sor<han, enum_comma>>, close_paren> {};
struct name_char : sor<alias, seq<not_at<name_stop>, sor<han, redaction>>> {};

// Role words other than 牵头 (各牵头部门) never stand inside a name: 紧密配合普查组 is no unit.
struct inner_role_word : sor<TAO_PEGTL_STRING("会同"), cooperate_cue, responsible_cue> {};
// Two place words together name the places of a level (各市县, 各县区, 全省各市州), never
// a place of its own: the pair ends a unit right after scope words, and inside a longer
// name it is text (湖南省市场监管局; 全县列入省市重点项目 names no unit). 州 comes
// second only: 福州市 is one place.
struct place_char : one<U'省', U'市', U'县', U'区', U'乡', U'镇', U'村', U'旗'> {};
struct place_pair : seq<place_char, sor<place_char, one<U'州'>>> {};
struct level_places : seq<place_pair, at<place_follow>> {};
// A character of a name that begins none of the words a name's next step tries
// (plain words, place pairs, name ends, role words) and is no stop nor bracket:
// read with one table lookup instead of those rules in turn. Most characters of a
// candidate name are such. The table is made from the same rules and word lists (the
// characters of the one-character rules are their first characters); a test holds it
// to them over every code point.
struct bare_name_char {
  using rule_t = bare_name_char;
  using subs_t = tao::pegtl::type_list<>;

  static const detail::code_point_set& table() {
    static const detail::code_point_set bare = [] {
      // seq<not_at<name_stop>, not_at<open_paren>, not_at<place_char>, sor<han, redaction>>
      auto t = detail::first_chars_of<sor<han, redaction>>().cps;
      t.remove(detail::first_chars_of<name_stop>().cps);
      t.remove(detail::first_chars_of<open_paren>().cps);
      t.remove(detail::first_chars_of<place_char>().cps);
      auto first_of = [&t](const auto& words) {
        for (const std::string_view w : words) t.set(detail::decode_at(w, 0).cp, false);
      };
      first_of(plain_word::words.words);
      first_of(office_word::words.words);
      first_of(organisation_suffix::words.words);
      first_of(place_suffix::words.words);
      first_of(cooperate_adverb::words.words);
      first_of(cooperate_word::words.words);
      first_of(responsible_word::words.words);
      t.set(U'同', false);  // comrade: 同志
      t.set(U'会', false);  // inner_role_word: 会同
      return t;
    }();
    return bare;
  }

  template <pegtl::apply_mode, pegtl::rewind_mode, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... /*unused*/) {
    const auto c = peek_utf8_inline::peek(in);
    if (c.size == 0 || !table().test(c.data)) return false;
    in.bump(c.size);
    return true;
  }
};
// One step of a name: a character, a plain word or a place pair, never a name's end.
struct name_step : first_sor<bare_name_char, plain_word, place_pair, seq<not_at<name_end>, not_at<inner_role_word>, name_char>> {};
// 县发改局 | 县政府 (first segment, up to its first suffix) …; after scope words, the
// places of a level may end it (全省各市州). The scope words are read once.
struct name_rest : seq<not_at<leading_word>, not_at<count_word>, rep_max<16, name_step>, name_end> {};
struct first_segment : if_then_else<plus<scope_word>, sor<level_places, name_rest>, name_rest> {};
// … ×分局 | 金融办 | 分管领导 | 各副县长: short further segments.
// Words that end a name whatever follows: 教育部门会同职教中心 is two units.
struct name_break : first_sor<coordinator, joint_cue, lead_cue, cooperate_cue, responsible_cue, plain_word> {};
struct extension_char : seq<not_at<unit_suffix>, not_at<name_stop>, not_at<name_break>, sor<han, redaction, digit>> {};
struct extension : sor<seq<one<U'各'>, office_suffix>, seq<rep_max<4, extension_char>, unit_suffix>> {};
struct named_unit : seq<first_segment, star<extension>, opt<alias>> {};
// 各地 各地区: every place, a unit of its own (各地各部门 names two).
struct every_place : seq<one<U'各'>, sor<TAO_PEGTL_STRING("地区"), one<U'地'>>, at<place_follow>> {};
struct unit : sor<every_place, named_unit> {};

// A department's short name with an optional place: 人社, 省发展改革.
struct place_prefix : one<U'省', U'市', U'县', U'区', U'州'> {};
struct department : sor<department_word, seq<place_prefix, department_word>> {};

// The suffix a list shares: 等部门, 等相关部门, 等责任部门; or a category: 等项目审批单位.
struct shared_suffix : seq<opt<TAO_PEGTL_STRING("等")>,
                           opt<sor<TAO_PEGTL_STRING("相关"), TAO_PEGTL_STRING("有关"), TAO_PEGTL_STRING("责任"),
                                   TAO_PEGTL_STRING("职能"), TAO_PEGTL_STRING("主管"), TAO_PEGTL_STRING("成员")>>,
                           sor<TAO_PEGTL_STRING("部门"), TAO_PEGTL_STRING("单位"), TAO_PEGTL_STRING("机构")>> {};
struct category : seq<TAO_PEGTL_STRING("等"), opt<seq<sor<plus<digit>, cn_numeral>, one<U'家', U'个', U'户'>>>, unit> {};

// A short name standing in a list (农业农村、 气象等部门) is a department even where it
// could read as a place-named unit; before more text it is part of a name (农业农村局,
// 就业部门).
struct listed_department : seq<department, at<sor<coordinator, TAO_PEGTL_STRING("等")>>> {};
struct list_item : sor<listed_department, unit> {};
struct group : seq<list_item, star<enum_comma, list_item>, opt<sor<shared_suffix, category>>> {};
// Groups join with 和 及 与 、, or follow one another when the next begins with 各 (各镇各部门).
struct unit_list : seq<group, star<sor<coordinator, at<one<U'各'>>>, group>> {};

// clang-format on

}  // namespace gongwen::grammar

// For tao::pegtl::analyze: the rule consumes input when it matches.
template <typename Name>
struct tao::pegtl::analyze_traits<Name, gongwen::grammar::bare_name_char>
    : tao::pegtl::analyze_any_traits<> {};
