import { describe, expect, it } from 'vitest'
import { askedApart } from '../../src/retrieve/comparisons.js'

describe('askedApart', () => {
  it('asks the date of each of two things compared by time', () => {
    expect(askedApart('马寨那个座谈会和大学路街道的知识竞赛,哪个日子更早?')?.things).toEqual(['马寨那个座谈会是哪天？', '大学路街道的知识竞赛是哪天？'])
    expect(askedApart('福华街发巡逻车的仪式和蜜蜂张街道的党建竞赛是不是同一天搞的')?.things).toEqual(['福华街发巡逻车的仪式是哪天？', '蜜蜂张街道的党建竞赛是哪天？'])
    expect(askedApart('郑大二附院周边道路的现场会,是在武斌调研之前还是之后开的?')?.things).toEqual(['郑大二附院周边道路的现场会是哪天？', '武斌调研是哪天？'])
  })

  it('asks the amount of each, with what is counted', () => {
    expect(askedApart('大学路街道那场党团知识竞赛跟蜜蜂张街道的党建竞赛比,哪边上场的人更多?')?.things).toEqual([
      '大学路街道那场党团知识竞赛上场了多少人？',
      '蜜蜂张街道的党建竞赛上场了多少人？',
    ])
    expect(askedApart('示范区争取到的各类扶持资金,比经开区政府采购省下来的钱多吗?')?.things).toEqual(['示范区争取到的各类扶持资金是多少？', '经开区政府采购省下来的钱是多少？'])
  })

  it('gives each the head the two share, and the scene said before them', () => {
    expect(askedApart('蜜蜂张和大学路这两个街道的知识竞赛,谁先办的?')?.things).toEqual(['蜜蜂张街道的知识竞赛是哪天？', '大学路街道的知识竞赛是哪天？'])
    expect(askedApart('金水区和管城区今年的党建知识竞赛,哪个参加的人多?')?.things).toEqual(['金水区今年的党建知识竞赛参加了多少人？', '管城区今年的党建知识竞赛参加了多少人？'])
    expect(askedApart('明湖办事处那次观摩,建城区社区跟村改居社区哪个看得多?')?.things).toEqual(['明湖办事处那次观摩,建城区社区看得是多少？', '明湖办事处那次观摩,村改居社区看得是多少？'])
  })

  it('asks who or which body each is of, when the reader asks whether they share one', () => {
    expect(askedApart('森林防灭火培训那篇和财富天阶送锦旗那篇,是一个记者写的吗?')?.things).toEqual(['森林防灭火培训那篇是哪个记者写的？', '财富天阶送锦旗那篇是哪个记者写的？'])
    expect(askedApart('党政办和宣传部这两篇稿子,记者是不是同一个?')?.things).toEqual(['党政办稿子是哪个记者写的？', '宣传部稿子是哪个记者写的？'])
    expect(askedApart('幼儿园明厨亮灶和农贸市场信息化建设,是不是同一个部门在做?')?.things).toEqual(['幼儿园明厨亮灶是哪个部门？', '农贸市场信息化建设是哪个部门？'])
  })

  it('reads the second thing joined by 比 or 是在 with no comma, and the days between two', () => {
    expect(askedApart('蜜蜂张的竞赛是在马寨座谈会之前还是之后?')?.things).toEqual(['蜜蜂张的竞赛是哪天？', '马寨座谈会是哪天？'])
    expect(askedApart('大学路的知识竞赛跟五里堡消防演练隔了几天?')?.things).toEqual(['大学路的知识竞赛是哪天？', '五里堡消防演练是哪天？'])
    expect(askedApart('蜜蜂张上场的党员比马寨座谈会请来的人多还是少?')?.things).toEqual(['蜜蜂张上场的党员是多少？', '马寨座谈会请来的人是多少？'])
    expect(askedApart('王庄村的推进会,跟明湖的观摩,是不是赶在一天了')?.things).toEqual(['王庄村的推进会是哪天？', '明湖的观摩是哪天？'])
    // 比 in a word (比赛, 亮赛比) joins nothing.
    expect(askedApart('明湖办事处的“亮赛比”观摩和王庄村推进会,日期一样吗?')?.things).toEqual(['明湖办事处的“亮赛比”观摩是哪天？', '王庄村推进会是哪天？'])
  })

  it('asks the first thing outright and the second as it, when the reader asks the first before comparing', () => {
    expect(askedApart('二七区有多少家幼儿园搞了明厨亮灶,比银企对接会来的企业多吗?')).toEqual({
      things: ['二七区有多少家幼儿园搞了明厨亮灶？', '银企对接会来的企业有多少家？'],
      firstAlone: true,
      kind: 'compared',
    })
    expect(askedApart('经开区专项债发成功了多少钱?示范区争取的扶持资金跟它比谁多?')).toEqual({
      things: ['经开区专项债发成功了多少钱？', '示范区争取的扶持资金有多少钱？'],
      firstAlone: true,
      kind: 'compared',
    })
    expect(askedApart('省里发专项债是哪天?统计局签责任书又是哪天?中间隔了几天')?.things).toEqual(['省里发专项债是哪天？', '统计局签责任书又是哪天？'])
    expect(askedApart('党政办审了多少份佐证材料?宣传部的涉疫稿件有几篇,哪个多')?.things).toEqual(['党政办审了多少份佐证材料？', '宣传部的涉疫稿件有几篇？'])
    // A figure the reader gives of the second thing is not asked.
    expect(askedApart('文化企业上半年收入多少?减费降费是2亿,哪个大')?.things).toEqual(['文化企业上半年收入多少？'])
    expect(askedApart('蜜蜂张街道第一期党建知识竞赛有多少人参加,比第二期多吗?')?.firstAlone).toBe(true)
  })

  it('reads comparisons in written Chinese: 孰高孰低, 是否早于, 是否为同一人, 分别, 合计', () => {
    expect(askedApart('在增速上,文化企业收入的同比增幅与示范区工业增加值的增幅,孰高孰低?')?.things).toEqual([
      '文化企业收入的同比增幅是多少？',
      '示范区工业增加值的增幅是多少？',
    ])
    expect(askedApart('请问大学路街道的竞赛是否早于蜜蜂张街道的竞赛?')?.things).toEqual(['大学路街道的竞赛是哪天？', '蜜蜂张街道的竞赛是哪天？'])
    expect(askedApart('五里堡那篇的通讯员,与大学路那篇的通讯员,是否为同一人?')?.things).toEqual(['五里堡那篇的通讯员是谁？', '大学路那篇的通讯员是谁？'])
    // Each asked outright, the two are answered as the question is only when it is refused.
    expect(askedApart('马寨座谈会与大学路竞赛分别在哪天举行?相隔几天?')).toEqual({
      things: ['马寨座谈会在哪天举行？', '大学路竞赛在哪天举行？'],
      firstAlone: true,
      kind: 'each',
    })
    expect(askedApart('雨后绿化养护报道与赠送锦旗报道,署名通讯员分别是谁?')?.things).toEqual(['雨后绿化养护报道署名通讯员是谁？', '赠送锦旗报道署名通讯员是谁？'])
    expect(askedApart('典型企业数,加上明厨亮灶的幼儿园数,合计是多少?')?.things).toEqual(['典型企业数是多少？', '明厨亮灶的幼儿园数是多少？'])
    expect(askedApart('对接会来的是哪所高校?马寨座谈会又邀请了几所高校?')?.things).toEqual(['对接会来的是哪所高校？', '马寨座谈会又邀请了几所高校？'])
    expect(askedApart('请比较马寨座谈会的参会人数与蜜蜂张竞赛的参赛人数。')?.things).toEqual(['马寨座谈会的参会人数是多少？', '蜜蜂张竞赛的参赛人数是多少？'])
    expect(askedApart('森林防火那篇与送锦旗那篇,执笔记者是否相同?')?.things).toEqual(['森林防火那篇是哪个记者写的？', '送锦旗那篇是哪个记者写的？'])
    // The members of one count (签了几份协议，分别是什么) are no two things.
    expect(askedApart('河南财政金融学院跟经开区签了几份合作协议,分别是什么')).toBeUndefined()
  })

  it('reads the sentences of a chat message parted by spaces, and 那B呢 as asking B the same', () => {
    expect(askedApart('五里堡演练是几号 蜜蜂张竞赛是几号 差几天')?.things).toEqual(['五里堡演练是几号？', '蜜蜂张竞赛是几号？'])
    expect(askedApart('志愿者发动了多少人次?那二七区的新增就业呢 哪个多')?.things).toEqual(['志愿者发动了多少人次？', '二七区的新增就业有多少人次？'])
    // A question in the middle that names nothing (哪天) asks more of the first thing.
    expect(askedApart('王庄村推进会谁主持的 哪天?跟统计局签责任书同一天不')?.things).toEqual(['王庄村推进会谁主持的？哪天？', '统计局签责任书是哪天？'])
    // A space inside a quoted name parts nothing.
    expect(askedApart('“迎七一 展风采”竞赛和福华街发车仪式,是同一天吗?')?.things).toEqual(['“迎七一·展风采”竞赛是哪天？', '福华街发车仪式是哪天？'])
    expect(askedApart('马寨座谈会请了几所高校 对接会来的是哪个学校')).toEqual({
      things: ['马寨座谈会请了几所高校？', '对接会来的是哪个学校？'],
      firstAlone: false,
      kind: 'two',
    })
  })

  it('asks the first question alone when the rest only sets it beside another story', () => {
    expect(askedApart('五里堡演练来了多少人 蜜蜂张竞赛才15个人 差得远不')).toEqual({ things: ['五里堡演练来了多少人？'], firstAlone: true, kind: 'again' })
    expect(askedApart('进决赛的是哪几个社区?嵩山社区在不在里面')?.things).toEqual(['进决赛的是哪几个社区？'])
    // The most of one set (谁家利息最低) compares no two things, and a remark that sets nothing beside asks nothing apart.
    expect(askedApart('银行进园区那几家,谁家利息最低')).toBeUndefined()
    expect(askedApart('五里堡演练来了多少人 我想了解一下')).toBeUndefined()
  })

  it('asks each thing in the unit a gap or a total is asked in (相差多少万元, 多几家, 两项加起来), or in its own measure (条数)', () => {
    expect(askedApart('二七区扶贫资金的总额,与管城区争取的奖励资金相比,两者相差多少万元?')?.things).toEqual([
      '二七区扶贫资金的总额是多少万元？',
      '管城区争取的奖励资金是多少万元？',
    ])
    expect(askedApart('银企对接会的参会企业数,比明厨亮灶的幼儿园多多少家?')?.things).toEqual(['银企对接会的参会企业数有多少家？', '明厨亮灶的幼儿园有多少家？'])
    expect(askedApart('财政局梳理的采购项目条数和统计局签订的责任书,两项加起来是多少?')?.things).toEqual([
      '财政局梳理的采购项目有多少条？',
      '统计局签订的责任书是多少？',
    ])
    expect(askedApart('宣传部新增的文明单位家数,与督导组的个数,相差几个?')?.things).toEqual(['宣传部新增的文明单位有多少家？', '督导组有多少个？'])
    expect(askedApart('扶贫领域通报的典型案例数,与竞赛每支队伍的队员人数,是否相等?')?.things).toEqual([
      '扶贫领域通报的典型案例数是多少？',
      '竞赛每支队伍的队员人数是多少？',
    ])
    expect(askedApart('财政局核减的金额与示范区兑现的奖励资金相比,差距有多大?')?.things).toEqual(['财政局核减的金额是多少？', '示范区兑现的奖励资金是多少？'])
  })

  it('asks who led each, who wrote each, or the date of each when the reader asks whether both share one', () => {
    expect(askedApart('夏收夏种督导和王庄村推进会,是由同一位区领导带队的吗?')?.things).toEqual(['夏收夏种督导是哪位领导？', '王庄村推进会是哪位领导？'])
    expect(askedApart('扬尘督导活动和常态长效会议的报道,出自同一名记者吗?')?.things).toEqual(['扬尘督导活动是哪个记者写的？', '常态长效会议的报道是哪个记者写的？'])
    expect(askedApart('发巡逻车的仪式和蜜蜂张的竞赛,是不是都在6月19日?')?.things).toEqual(['发巡逻车的仪式是哪天？', '蜜蜂张的竞赛是哪天？'])
  })

  it('reads 是否多于, 是…的几倍, 高出多少个百分点, 加上…一共 and 有没有重合 as comparing two things', () => {
    expect(askedApart('督导组选派的干部人数,是否多于座谈会的参会人数?')?.things).toEqual(['督导组选派的干部人数是多少？', '座谈会的参会人数是多少？'])
    expect(askedApart('消防演练的参加人数,大约是知识竞赛参赛党员的几倍?')?.things).toEqual(['消防演练的参加人数是多少？', '知识竞赛参赛党员是多少？'])
    expect(askedApart('文化企业的营收增速,比工业增加值增速高出多少个百分点?')?.things).toEqual(['文化企业的营收增速是多少？', '工业增加值增速是多少？'])
    expect(askedApart('财政局完成的采购项目数,加上纪检监察工委确定的企业数,一共是多少?')?.things).toEqual([
      '财政局完成的采购项目数是多少？',
      '纪检监察工委确定的企业数是多少？',
    ])
    expect(askedApart('送锦旗那篇的通讯员,和金融进园区那篇的通讯员,有没有重合的?')?.things).toEqual([
      '送锦旗那篇的通讯员是谁？',
      '金融进园区那篇的通讯员是谁？',
    ])
    expect(askedApart('对接会后走访的企业,与督导调研去的企业,有没有重合?')?.things).toEqual(['对接会后走访的企业有哪些？', '督导调研去的企业有哪些？'])
    // A figure the reader gives is checked, and one amount asked (超过多少台) or set against a level (高于临界点吗) is
    // no two things.
    expect(askedApart('森林防灭火培训有没有超过200人参加?')).toBeUndefined()
    expect(askedApart('鸿蒙生态设备数量超过多少台?')).toBeUndefined()
    expect(askedApart('生产指数高于临界点吗?')).toBeUndefined()
  })

  it('joins no two things at 与 in 参与 or 比 before a name (比武斌), and reads 在不在同一天', () => {
    expect(askedApart('进园区活动里参与的银行数,和知识竞赛的参赛队伍数,哪个多?')?.things).toEqual(['进园区活动里参与的银行数是多少？', '知识竞赛的参赛队伍数是多少？'])
    expect(askedApart('二附院周边的现场会,比武斌的督导调研晚了几天?')?.things).toEqual(['二附院周边的现场会是哪天？', '武斌的督导调研是哪天？'])
    expect(askedApart('王宏伟督导夏收夏种,跟武斌看地铁工地,在不在同一天?')?.things).toEqual(['王宏伟督导夏收夏种是哪天？', '武斌看地铁工地是哪天？'])
  })

  it('reads two things jotted as an editor does: A vs B, A / B, A稿、B稿, A、B两稿, 额对, 金额加', () => {
    expect(askedApart('申报项目数 vs 采购稿完成的项目数，谁多')?.things).toEqual(['申报项目数是多少？', '采购稿完成的项目数是多少？'])
    expect(askedApart('消防演练参训人数 / 座谈会人数，相差多少')?.things).toEqual(['消防演练参训人数是多少？', '座谈会人数是多少？'])
    expect(askedApart('专项债稿、统计局稿：记者是否同一人？')?.things).toEqual(['专项债稿是哪个记者写的？', '统计局稿是哪个记者写的？'])
    expect(askedApart('马寨座谈、巡逻车两稿，记者是否同一人？')?.things).toEqual(['马寨座谈是哪个记者写的？', '巡逻车是哪个记者写的？'])
    expect(askedApart('专项债发行额对减费降费金额，差额大概多少？')?.things).toEqual(['专项债发行额是多少？', '减费降费金额是多少？'])
    expect(askedApart('中小企业采购金额加兑现奖励资金，合计约多少？')?.things).toEqual(['中小企业采购金额是多少？', '兑现奖励资金是多少？'])
    expect(askedApart('责任书稿 跟 以案促改稿，署名记者一致吗？')?.things).toEqual(['责任书稿是哪个记者写的？', '以案促改稿是哪个记者写的？'])
    // 对 in 对得上 joins nothing; the first thing asked outright, the second is asked as it.
    expect(askedApart('森防培训一共几项内容？跟督查机制那篇的项数对得上吗')?.things).toEqual(['森防培训一共几项内容？', '督查机制那篇的项数有多少项？'])
  })

  it('reads 谁前谁后, 哪天先, 署名一致, 都是某人 and 同一个执法局, and asks each without the word the question asks', () => {
    expect(askedApart('现场会和督导调研，日期谁前谁后？')?.things).toEqual(['现场会是哪天？', '督导调研是哪天？'])
    expect(askedApart('马寨座谈会跟大学路竞赛，哪天先？')?.things).toEqual(['马寨座谈会是哪天？', '大学路竞赛是哪天？'])
    expect(askedApart('巡察整改稿和专项债稿，记者署名一样吗')?.things).toEqual(['巡察整改稿是哪个记者写的？', '专项债稿是哪个记者写的？'])
    expect(askedApart('全民共建稿和一二三四稿，记者是否都是郭树勋')?.things).toEqual(['全民共建稿是哪个记者写的？', '一二三四稿是哪个记者写的？'])
    expect(askedApart('锦旗稿和绿化稿，是不是同一个执法局')?.things).toEqual(['锦旗稿是哪个局？', '绿化稿是哪个局？'])
    // Asked who, the thing keeps the word that says who (通讯员).
    expect(askedApart('绿化那篇的通讯员，和巡察那篇的通讯员，是同一个人吗？')?.things).toEqual(['绿化那篇的通讯员是谁？', '巡察那篇的通讯员是谁？'])
    // An order asked of one story's stops (按先后顺序列下) compares nothing.
    expect(askedApart('武斌调研都跑了哪些点？按先后顺序列下')?.kind).not.toBe('compared')
  })

  it('asks each thing the reader asked outright before comparing them in words that name neither', () => {
    expect(askedApart('马寨座谈会是几号，巡逻车发放是几号，中间隔了几天呀？')).toEqual({
      things: ['马寨座谈会是几号？', '巡逻车发放是几号？'],
      firstAlone: true,
      kind: 'compared',
    })
    expect(askedApart('座谈会请了多少人？消防培训来了多少人？加起来大概有多少？')?.things).toEqual(['座谈会请了多少人？', '消防培训来了多少人？'])
    expect(askedApart('工业增加值涨了多少？文化企业收入增长多少？谁增长得快？')?.things).toEqual(['工业增加值涨了多少？', '文化企业收入增长多少？'])
    expect(askedApart('作业题：蜜蜂张竞赛分了几个小组，大学路竞赛来了几支队伍？哪边多？')?.things).toEqual(['蜜蜂张竞赛分了几个小组？', '大学路竞赛来了几支队伍？'])
    // A question that names nothing of its own is asked with the one before it.
    expect(askedApart('文化企业营收多少 涨了多少 工业增加值涨了多少 哪个快')?.things).toEqual(['文化企业营收多少？涨了多少？', '工业增加值涨了多少？'])
    // A last question that names a thing of its own is no comparison of the two before.
    expect(askedApart('推进会谁主持的 哪天?跟统计局签责任书同一天不')?.things).toEqual(['推进会谁主持的？哪天？', '统计局签责任书是哪天？'])
  })

  it('reads follow-ups that only compare (前后隔了几天, 哪件早，早几天, 前面是后面的几倍左右)', () => {
    expect(askedApart('武斌带队的调研，和二附院道路现场会，哪个时间靠前？前后隔了几天？')?.things).toEqual(['武斌带队的调研是哪天？', '二附院道路现场会是哪天？'])
    expect(askedApart('省里发专项债和统计局签责任书，这两件事在同一个月吗？哪件早，早几天？')?.things).toEqual([
      '省里发专项债是哪天？',
      '统计局签责任书是哪天？',
    ])
    expect(askedApart('征集到的意见建议有多少条？办结的求助信息有多少条？前面是后面的几倍左右？')?.things).toEqual([
      '征集到的意见建议有多少条？',
      '办结的求助信息有多少条？',
    ])
    expect(askedApart('已经分了多少套安置房？对接会来了多少家企业？安置房套数大约是企业数的多少倍？')?.things).toEqual([
      '已经分了多少套安置房？',
      '对接会来了多少家企业？',
    ])
    // A last question that names a thing of neither is no comparison of the two.
    expect(askedApart('分了多少套安置房？来了多少家企业？统计局的责任书是几倍？')?.kind).not.toBe('compared')
    expect(askedApart('奖励资金，是政府采购报审总金额的多少倍？')?.things).toEqual(['奖励资金是多少？', '政府采购报审总金额是多少？'])
  })

  it('reads 写A的记者也写了B吗, 同样的两个人 and a hint in brackets', () => {
    expect(askedApart('写雨后绿化那篇的记者，也写了政府采购那篇吗？')?.things).toEqual(['雨后绿化那篇是哪个记者写的？', '政府采购那篇是哪个记者写的？'])
    expect(askedApart('党政办那篇和纪检那篇，署名记者是不是同样的两个人？')?.things).toEqual(['党政办那篇是哪个记者写的？', '纪检那篇是哪个记者写的？'])
    expect(askedApart('蜜蜂张竞赛的党员人数，和大学路竞赛的参赛人数（每队几个人、几支队），哪边人更多？')?.things).toEqual([
      '蜜蜂张竞赛的党员人数有多少人？',
      '大学路竞赛的参赛人数有多少人？',
    ])
  })

  it('reads 也那天, 也是那个月, 是一回事吗 and 比它多 after a first question, and leaves a third thing named last', () => {
    expect(askedApart('王宏伟去看收麦子是哪天？前程办事处开动员会是不是也那天')?.things).toEqual(['王宏伟去看收麦子是哪天？', '前程办事处开动员会是哪天？'])
    expect(askedApart('精品选树活动是几月？二附院周边路也是那个月通车吧')?.things).toEqual(['精品选树活动是几月？', '二附院周边路是哪天？'])
    expect(askedApart('阳庙镇那个是改造啥项目？跟王庄村综合改造是一回事吗')?.things).toEqual(['阳庙镇那个是改造啥项目？', '王庄村综合改造是什么？'])
    expect(askedApart('阳庙镇的改造项目跟王庄村综合改造是一码事不')?.things).toEqual(['阳庙镇的改造项目是什么？', '王庄村综合改造是什么？'])
    expect(askedApart('纪检监察工委定了多少家企业？银行进园区那会来的企业是不是比它多')?.things).toEqual([
      '纪检监察工委定了多少家企业？',
      '银行进园区那会来的企业有多少家？',
    ])
    expect(askedApart('对接会请来的是哪所学校？会后去了哪两家企业？和银行进的园区是一回事吗')).toBeUndefined()
  })

  it('reads 是一样的人吗 and 都是某人写的吗 as asking each byline', () => {
    expect(askedApart('进园区那篇的通讯员和对接会那篇的通讯员是一样的人吗？')?.things).toEqual(['进园区那篇是哪个记者写的？', '对接会那篇是哪个记者写的？'])
    expect(askedApart('巡逻车那篇和排查隐患那篇，都是张改华写的吗？')?.things).toEqual(['巡逻车那篇是哪个记者写的？', '排查隐患那篇是哪个记者写的？'])
  })

  it('reads three questions of a chat message as two of one story and the last of another', () => {
    expect(askedApart('经开上半年文化企业营收多少 涨了多少?示范区工业增加值涨多少')).toEqual({
      things: ['经开上半年文化企业营收多少？涨了多少？', '示范区工业增加值涨多少？'],
      firstAlone: false,
      kind: 'two',
    })
    // The last naming nothing of its own (哪天) is no second story.
    expect(askedApart('蜜蜂张竞赛几个组 每组几个人 哪天')).toBeUndefined()
  })

  it('leaves one thing compared over time (今年跟去年比), and a second question that only counts (一个队几个人)', () => {
    expect(askedApart('经开区去年安置了多少户?今年跟去年比多了多少户?')).toBeUndefined()
    expect(askedApart('文化企业今年的营收比去年同期多了多少亿元?')).toBeUndefined()
    expect(askedApart('大学路竞赛来了多少支队 一个队几个人')?.kind).toBe('two')
    expect(askedApart('对接会来的是哪所高校?会后他们又去了哪几家企业?')?.kind).toBe('again')
  })

  it('leaves a question that compares nothing, or asks something else first', () => {
    expect(askedApart('马寨收集的外地创新创业经验,列的第一个和最后一个地方是哪')).toBeUndefined()
    expect(askedApart('管科技和人才的那个局最近跟哪个大学搞产学研合作了')).toBeUndefined()
    expect(askedApart('大学路比赛来了几支队伍?')).toBeUndefined()
    expect(askedApart('哪个社区排第一,比去年多吗?')).toBeUndefined()
    expect(askedApart('五里堡的消防演练是哪天?')).toBeUndefined()
  })
})
