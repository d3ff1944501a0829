import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/answer.js'
import { useSampleIndex } from '../helpers/sample-db.js'

// Questions a district's own store cannot answer, asked of the bundled sample pages, beside ones it can.
describe('questions about what the sample pages never mention', () => {
  const samples = useSampleIndex()
  const ask = (question: string) => answerQuestion(samples().index, question, { mode: 'extractive' })

  it('refuses when of the question only the district is found, however well the district alone is covered', async () => {
    expect((await ask('奶奶想问问：经开区今年重阳节给老年人发慰问品没有？发的啥？')).abstained).toBe(true)
    // A count and its counter (一个) say no more than the district does.
    expect((await ask('听说经开区要建一个新的体育中心，选址在哪儿？')).abstained).toBe(true)
    // 产业区 is a kind of zone, not an area named 产业.
    expect((await ask('马寨那个产业区是省里几星的')).answer).toContain('二星级')
    expect((await ask('经开区的安置房到现在一共分出去多少套了？')).abstained).toBe(false)
  })

  it('answers an either-or, a day of the week and a count of hours; refuses an area jieba cuts off its 区', async () => {
    expect((await ask('财富天阶小区居民送锦旗，是送给哪个部门的？城管还是街道？')).answer).toContain('综合行政执法局')
    expect((await ask('脚板+手指那个活动，卫生日定在星期几？')).answer).toContain('周五')
    expect((await ask('秸秆禁烧巡查要求一天巡多少个小时？')).answer).toContain('24小时')
    expect((await ask('航空港区2022年新增了几家市级文明单位？')).abstained).toBe(true)
    expect((await ask('示范区扬尘污染防治督导是哪天搞的？哪两位区领导参加了？')).abstained).toBe(false)
    // A place the reader offers as their version is checked, not required: the article names the right one.
    expect((await ask('王庄村综合改造提升推进会是武斌主持的吗？王庄村是不是明湖办事处的？')).answer).toContain('王宏伟')
    expect((await ask('樱桃沟的采摘节是不是6月办的？')).abstained).toBe(true)
    // Asked alone, it is answered by the article naming another of its kind (祥云办事处), not refused for lack of the reader's.
    expect((await ask('王庄村是归前程办事处管的吗？')).answer).toContain('祥云办事处')
    expect((await ask('示范区的卫生日定的是“周日卫生日”吧？')).answer).toContain('周五卫生日')
    // A version put after the question or as a statement (5号线？; 20个人分成了4个组？), a name offered (管委会, 吴晓莉) where
    // the article names another: the article's is the answer.
    expect((await ask('督导组去看的地铁工地是几号线？5号线？')).answer).toContain('3号线')
    expect((await ask('蜜蜂张那次党建竞赛20个人分成了4个组？')).answer).toContain('5个小组')
    expect((await ask('郑大二附院周边基础设施现场会是管委会6月1号开的吧？')).answer).toContain('6月3日')
    expect((await ask('前程办事处的主任是吴晓莉吗？')).answer).toContain('陈伟')
    // 代表办事处 is on behalf of it, no locality named 代表.
    expect((await ask('王庄村推进会后代表办事处表态的是谁？')).answer).toContain('吴晓莉')
    // An area named only in the reader's own story (我们中牟这边…) is not the one asked about; asked about, it is.
    expect((await ask('经开区现在一共分了多少套安置房了？我们中牟这边回迁还早着呢')).answer).toContain('3636套')
    expect((await ask('我们金水区小区门口也老有流动摊贩，经开区整治时按什么区域原则来管的？')).answer).toContain('背街小巷规范')
    expect((await ask('金水区安置房分了多少套？')).abstained).toBe(true)
    // One the reader saw (我看到南三环经开区那段在封路) is what they ask about.
    expect((await ask('我看到南三环经开区那段在封路，是怎么回事？')).abstained).toBe(true)
    // 月初 is a time, not an area jieba cut off its 区 (月初区领导 are the district's leaders early in the month).
    expect((await ask('月初区领导去祥云办事处督导夏收，是在哪一带看的小麦收割？')).answer).toContain('花马沟')
  })

  it('refuses a body no article names in the clause that names what is asked about, not in a clause corrected next', async () => {
    expect((await ask('郑州大学跟经开区搞的人才引进，引进了多少个博士？')).abstained).toBe(true)
    expect((await ask('密封张街道 就是蜜蜂张街道那个知识竞赛 是哪两个社区党支部联合办的')).answer).toContain('客技路社区')
  })

  it('reads no locality nor missing word in the words a reader checks a guess with (不是街道自己用吧)', async () => {
    expect((await ask('福华街街道买的巡逻车不是街道自己用吧？交给谁了？')).answer).toContain('治安四中队')
    expect((await ask('那次森林防灭火培训加装备实操演练，不是区应急管理局自己搞的吗？到底是哪个单位组织的来着')).answer).toContain('森防办')
  })

  it('refuses an area an article names only in passing, and answers of the area it is about', async () => {
    expect((await ask('中牟县新增了多少家市级文明单位？')).abstained).toBe(true)
    expect((await ask('经开区新增了多少家市级文明单位？')).answer).toContain('9家')
    expect((await ask('二七区有多少家幼儿园推行了明厨亮灶？')).answer).toContain('110家')
  })

  it('refuses a list of a kind no clause names two of, and answers lists of the kind asked', async () => {
    // The bonds article names departments and bond totals, never the projects; the inspectors' names no firm on the blacklist.
    expect((await ask('专项债投到了哪几个项目')).abstained).toBe(true)
    expect((await ask('纪检监察工委列入黑名单的都有哪些企业')).abstained).toBe(true)
    expect((await ask('郑大二附院周边修了哪几条路')).answer).toContain('美辰路、梅香路')
    expect((await ask('迎七一知识竞赛是哪两个社区党支部联合办的')).answer).toContain('客技路社区')
    expect((await ask('金融机构进园区，银行去了哪些园区？')).answer).toContain('兴华产业园')
  })

  it('answers when a thing is finished only with a date of its finishing, not of the meeting about it', async () => {
    expect((await ask('王庄村综合改造提升，总共得花多少钱？啥时候能弄完？')).abstained).toBe(true)
    expect((await ask('郑大二附院周边的路啥时候能通车？')).answer).toContain('9月底')
  })

  it('answers when the next one is only with what is planned, not with the date of this one', async () => {
    expect((await ask('明年经开区还办不办产学研对接会，大概啥时候')).abstained).toBe(true)
    expect((await ask('经开区产学研对接会是什么时候办的')).abstained).toBe(false)
    expect((await ask('银企对接下一轮啥时候开？')).abstained).toBe(true)
    expect((await ask('金融机构进园区下一场什么时候搞？')).abstained).toBe(true)
  })

  it('answers whether it is all done with how much is done, not with the task alone', async () => {
    expect((await ask('特大暴雨问题整改的544条举措都干完了吗？')).answer).toContain('完成率100%')
    expect((await ask('大学路街道知识竞赛的决赛办完了没有？')).answer).toContain('择期')
    expect((await ask('二七区社保局全年就业任务完成了吗？')).answer).toContain('66.3%')
    expect((await ask('王庄村综合改造完成了吗？')).abstained).toBe(true)
  })

  it('refuses a count of lanes or floors that no article gives', async () => {
    expect((await ask('美辰路、梅香路修好以后是几车道的？')).abstained).toBe(true)
  })

  it('refuses an amount told only for another stretch of time or for this year when the next is asked', async () => {
    expect((await ask('二七区社保局去年全年一共新增了多少城镇就业？')).abstained).toBe(true)
    expect((await ask('二七区社保局今年上半年新增城镇就业多少人')).answer).toContain('11598人')
    expect((await ask('2022年下半年经开区规上文化企业营收多少')).abstained).toBe(true)
    expect((await ask('2022年上半年经开区规上文化企业营收多少')).answer).toContain('40亿元')
    expect((await ask('明年经开区安置房计划再分多少套？')).abstained).toBe(true)
    // 第二季 is said in Taiwan and Hong Kong for 第二季度: the article's growth is of the first quarter.
    expect((await ask('示范区第二季规模以上工业增加值增长了多少？')).abstained).toBe(true)
  })

  it('refuses a count of the whole kind when the question counts only those of a kind (列进黑名单的公司), not of a place (二七区的)', async () => {
    expect((await ask('纪工委列进黑名单的公司有多少家')).abstained).toBe(true)
    expect((await ask('二七区的幼儿园有多少家推行了明厨亮灶？')).answer).toContain('110家')
    expect((await ask('马寨集聚区的高校有几所')).answer).toContain('3所高校')
  })

  it('refuses the time of an event no page reports (开始接诊), and answers one said another way (开车过去 for 通车)', async () => {
    expect((await ask('郑大二附院新院区哪天开始接诊？')).abstained).toBe(true)
    expect((await ask('郑大二附院旁边的路什么时候能开车过去')).answer).toContain('9月底')
    expect((await ask('经开区是哪一年设立的')).abstained).toBe(true)
  })

  it('refuses who came when another part asks the name and no sentence gives one', async () => {
    // The article says 河南财政金融学院党委领导 and names no one.
    expect((await ask('对接会上财金学院是哪位校领导带队的，叫什么名字')).abstained).toBe(true)
    expect((await ask('6月1日带队调研的是哪位区领导？叫什么名字？')).answer).toContain('武斌')
  })

  it('refuses a person the pages never name in what is asked, not in the reader\'s own story', async () => {
    expect((await ask('我家小孩叫李建国，想问问经开区安置房到现在一共分了多少套？')).answer).toContain('3636套')
    expect((await ask('管委会副主任李建国讲了什么')).abstained).toBe(true)
  })

  it('refuses a place, community or app the pages never name, and answers the ones they do', async () => {
    expect((await ask('洛阳经开区今年一共分配了多少套安置房？')).abstained).toBe(true)
    expect((await ask('明湖办事处的锦绣家园社区这次参加观摩了没有？')).abstained).toBe(true)
    // The pages report on 郑大二附院: 郑大一附院 is another hospital.
    expect((await ask('郑大一附院新院区周边的路什么时候能修好？')).abstained).toBe(true)
    // A firm jieba cuts up (扬帆/机械/有限公司) is still a firm no page names; one pointed at (哪家公司) is not.
    expect((await ask('郑州扬帆机械有限公司最近生产经营咋样，武斌去调研了吗？')).abstained).toBe(true)
    expect((await ask('武斌带队调研时到哪家公司了解生产经营情况了？')).abstained).toBe(false)
    // Named in a clause that asks whether, before the clause that asks what: still asked about.
    expect((await ask('河南财经政法大学是不是也来经开区搞产学研对接了？去了哪些企业')).abstained).toBe(true)
    expect((await ask('程晓华去了明湖办事处哪几个社区观摩？')).abstained).toBe(false)
    expect((await ask('创文的两个重点，除了乡镇街道周边还有啥')).answer).toContain('农贸市场及周边')
    // 那阵子 and 后来 point back at what the reader has in mind: no article prints them.
    expect((await ask('那些流动摊贩后来被引到哪儿去摆了')).answer).toContain('便民疏导点')
    expect((await ask('疫情那阵子宣传部发了多少篇涉疫稿子')).answer).toContain('1534篇')
    expect((await ask('“指尖清风”云课堂在哪个APP上能看？')).abstained).toBe(true)
    expect((await ask('“指尖清风”云课堂是宣传部联合哪个部门推出的？')).abstained).toBe(false)
    // 会后 (after the meeting) before 学校 names no school.
    expect((await ask('产学研会后学校那帮人去了哪几家公司对接')).answer).toContain('郑州煤矿机械集团')
  })

  it('refuses a sibling of a printed name, one character other, and still reads a misspelling of it', async () => {
    // The pages print 瑞庭酒店, 中铁高端智能化装备产业园 and 客技路社区.
    expect((await ask('瑞丰酒店的员工消防培训是谁给讲的课？')).abstained).toBe(true)
    expect((await ask('中车高端智能化装备产业园项目现在建到哪一步了？')).abstained).toBe(true)
    expect((await ask('蜜蜂张街道客运路社区党支部参加知识竞赛的有几个人？')).abstained).toBe(true)
    expect((await ask('瑞亭酒店的员工消防培训是谁给讲的课？')).abstained).toBe(false)
    expect((await ask('各级媒休累计发稿报道了多少篇啊')).answer).toContain('8661篇')
    // A verb jieba glued to a printed name (福华街发) is no sibling of 福华街街道.
    expect((await ask('福华街发巡逻车是哪天？')).abstained).toBe(false)
  })

  it('answers by when something ends only with its end', async () => {
    // The meeting's date is when the campaign began, not when it ends.
    expect((await ask('前程办事处扶贫领域以案促改集中行动截止到哪天？')).abstained).toBe(true)
    expect((await ask('前程办事处扶贫领域以案促改动员大会是哪天开的？')).answer).toContain('6月1日')
  })

  it('answers who held a role only with a name, not with the role alone', async () => {
    // The pages say only 科技人才局负责人…表示欢迎 and 五家单位负责人分别作了典型发言.
    expect((await ask('经开区科技人才局那位致欢迎词的负责人是谁')).abstained).toBe(true)
    expect((await ask('营商环境会上代表文苑街道发言的负责人是谁？')).abstained).toBe(true)
    expect((await ask('示范区优化营商环境常态长效会议上是哪位领导讲的话？')).answer).toContain('王家鹏')
  })

  it('answers what a person said only from an article that names them', async () => {
    expect((await ask('武斌在郑大二附院周边道路建设现场会上说了什么？')).abstained).toBe(true)
    expect((await ask('王宏伟在王庄村的推进会上说了什么')).answer).toContain('王宏伟')
    // 说啥时候 asks when, not what was said.
    expect((await ask('郑大二附院周边的路说啥时候通车')).answer).toContain('9月底')
    expect((await ask('森防办的森林防灭火培训是哪位老师授的课？')).abstained).toBe(true)
  })

  it('answers what a group or a post said only from an article that has them speak or react', async () => {
    // The pages print 施工单位要提升认识 in 武斌's words, and no villager's view at all.
    expect((await ask('地铁3号线的施工单位当时怎么表态的？')).abstained).toBe(true)
    expect((await ask('王庄村的村民对改造是啥反应？')).abstained).toBe(true)
    // 3所高校负责人 are only listed among those invited.
    expect((await ask('马寨座谈会上高校负责人说了什么')).abstained).toBe(true)
    expect((await ask('党员们参加完蜜蜂张街道的竞赛都咋说的')).answer).toContain('生动活泼的党课')
    expect((await ask('企业家们对示范区的复工十项标准评价咋样')).answer).toContain('好评')
    expect((await ask('科技人才局负责人在对接会上讲了些啥')).answer).toContain('30年')
  })

  it('reads who is asked of: not the one spoken to, one pointed at by 他们, a stance told by deeds, a person called by surname', async () => {
    expect((await ask('纪工委书记在地铁工地对施工单位说了什么')).answer).toContain('群众出行和城市形象')
    expect((await ask('五里堡那些商户，查完灭火器以后他们自己啥反应')).abstained).toBe(true)
    expect((await ask('森林防灭火培训完了，队员们有什么感想')).abstained).toBe(true)
    expect((await ask('巡察组提的意见，建设局党员干部啥态度')).answer).toContain('照单全收')
    expect((await ask('郑老师在培训上讲了啥')).answer).toContain('灭火器如何使用')
  })

  it('refuses a person named right after a post when no page names them', async () => {
    expect((await ask('马寨产业集聚区党工委书记王涛在座谈会上提了什么要求？')).abstained).toBe(true)
    expect((await ask('经开区纪工委书记武军去京航办事处调研是哪天？')).abstained).toBe(true)
    expect((await ask('经开区纪工委书记武斌去京航办事处调研是哪天？')).abstained).toBe(false)
    // However jieba cuts the name after the post (王/宏亮, 程/晓/东).
    expect((await ask('工会主席王宏亮主持的那个村庄改造推进会是哪天开的？')).abstained).toBe(true)
    expect((await ask('区党建办主任程晓东去明湖办事处看了哪几个社区')).abstained).toBe(true)
    expect((await ask('工会主席王宏伟主持的那个村庄改造推进会是哪天开的？')).answer).toContain('5月28日')
  })
})
