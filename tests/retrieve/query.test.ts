import { describe, expect, it } from 'vitest'
import { analyzeQuery, DURATION_UNIT, MAX_QUERY_CHARS, parseLexicon } from '../../src/retrieve/index.js'

const texts = (q: string, today: string | null = null) => analyzeQuery(q, today).terms.map((t) => t.text)

describe('analyzeQuery', () => {
  it('drops question words and particles but keeps what the question is about', () => {
    const terms = texts('请问经开区分了多少套安置房呢？')
    expect(terms).toEqual(expect.arrayContaining(['经开区', '安置房', '安置', '置房']))
    for (const w of ['请问', '多少', '呢', '少套', '问经']) expect(terms).not.toContain(w)
    const happened = texts('居民给城管送锦旗是怎么回事')
    expect(happened).toEqual(expect.arrayContaining(['城管', '锦旗']))
    for (const w of ['怎么回事', '么回', '回事']) expect(happened).not.toContain(w)
    const paid = analyzeQuery('福华街买巡逻车的钱是从哪来的？那批车是哪天发的', null).words.map((w) => w.text)
    expect(paid).toContain('巡逻车')
    for (const w of ['是从', '哪来', '那批']) expect(paid).not.toContain(w)
    // jieba cuts 分下去 as 分/下去; the article says 分配, and a missing 下去 is no missing topic.
    const handed = analyzeQuery('安置房到现在总共分下去多少套了？', null).words.map((w) => w.text)
    expect(handed).toContain('安置房')
    expect(handed).not.toContain('下去')
    // Whether a deed is over (办完了没有) is told in the article's own words (已完成), never 办完.
    const over = analyzeQuery('初心杯决赛办完了没有？', null).words.map((w) => w.text)
    expect(over).toContain('决赛')
    expect(over).not.toContain('办完')
    // 来着 ends a question; jieba would glue it to the word before (字来).
    const recalled = analyzeQuery('执法局的工作理念是哪八个字来着？', null).words.map((w) => w.text)
    expect(recalled).toContain('理念')
    for (const w of ['字来', '来着']) expect(recalled).not.toContain(w)
    // Spoken 儿 (名儿, 事儿, 小摊儿) is not printed; the 儿 of a child is.
    const words = (q: string) => analyzeQuery(q, null).words.map((w) => w.text)
    expect(words('前程办事处那个主任叫啥名儿嘞？')).not.toContain('名儿')
    expect(words('领导到现场催着要抓紧办的是哪几件事儿？')).not.toContain('事儿')
    expect(words('他女儿在哪上学')).toContain('女儿')
    // 地方 asks a place, as 哪 does; 地方政府专项债券 is still read by the lexicon's 政府专项债券.
    expect(words('小摊贩有没有指定地方')).not.toContain('地方')
    expect(words('地方政府专项债券发了多少')).toContain('政府专项债券')
  })

  it('keeps names no dictionary knows whole, as words, beside their bigrams', () => {
    const terms = analyzeQuery('康安友是如何将小女孩救出的？', null).terms
    expect(terms).toContainEqual({ text: '康安友', tokens: '康安 安友', kind: 'word' })
    expect(terms.filter((t) => t.kind === 'bigram').map((t) => t.text)).toEqual(expect.arrayContaining(['康安', '安友']))
    // jieba's HMM also joins 发 and the particle 了; that is no name.
    expect(texts('经开区专项债发了多少钱')).not.toContain('发了')
    // Nor is a stretch that takes in the counter or the question word before it.
    const words = (q: string) => analyzeQuery(q, null).words.map((w) => w.text)
    expect(words('会前一共征集了多少条对区党工委的意见建议？')).not.toContain('条对区')
    expect(words('活动第一阶段从哪天到哪天？')).not.toContain('天到')
    expect(words('听说经开区在建安置房')).not.toContain('听说')
    // A number joins the word after it (3636套), but not the 到 of a range (1到6月, printed 1~6月).
    expect(words('今年1到6月新增就业多少人')).toEqual(expect.arrayContaining(['6月', '新增', '就业']))
    expect(words('今年1到6月新增就业多少人')).not.toContain('1到')
    expect(words('已分配安置房3636套到现在了吗')).toContain('3636套')
  })

  it('marks the names of places by jieba\'s tag, not the common words it tags so', () => {
    const places = (q: string) => analyzeQuery(q, null).words.filter((w) => w.place).map((w) => w.text)
    expect(places('洛阳经开区今年分了多少套安置房')).toContain('洛阳')
    expect(places('马寨座谈会上市科技局讲的政策叫啥')).toEqual([])
    expect(places('森防办培训都教了哪些东西')).toEqual([])
    expect(places('从开春4月份到现在办了多少件')).toEqual([])
    expect(places('来参加的大都是老党员吗')).toEqual([])
  })

  it('marks persons by jieba\'s tag, not the common words it tags so, and keeps no name glued from a verb and its direction', () => {
    const words = (q: string) => analyzeQuery(q, null).words
    expect(words('会上王明讲了什么').find((w) => w.text === '王明')?.person).toBe(true)
    expect(words('绿化带哪种苗子闹的啥病').some((w) => w.person)).toBe(false)
    expect(words('报了多少个项目，张口要了多少钱').some((w) => w.person)).toBe(false)
    expect(words('是跟哪个大学搭上的线').map((w) => w.text)).not.toContain('搭上')
    expect(words('初赛下来有几支队进了决赛？').map((w) => w.text)).not.toContain('队进')
    expect(words('参加森林防灭火培训都要学些啥？').map((w) => w.text)).not.toContain('学些')
    expect(words('路边的摊贩清走以后去哪儿摆了？').map((w) => w.text)).not.toContain('清走')
    // 样 counts kinds as 种 does (哪几样树), and is no part of a name.
    expect(words('绿化带里哪几样树遭了虫害？').map((w) => w.text)).not.toContain('样树')
    // 讲究 asks the rule, which the article states (本着“除早、除小”的原则).
    expect(words('绿化带除草讲究什么原则').map((w) => w.text)).not.toContain('讲究')
    expect(words('那是在哪个楼盘项目上发的').map((w) => w.text)).not.toContain('上发')
    // A name no dictionary knows is still read whole.
    expect(words('康安友是哪个单位的').map((w) => w.text)).toContain('康安友')
  })

  it('reads traditional characters and full-width letters as simplified and half-width', () => {
    expect(texts('鄭大二附院周邊道路什麼時候通車')).toEqual(expect.arrayContaining(['郑大二附院', '周边', '道路', '通车']))
    expect(texts('ＧＤＰ增速')).toContain('gdp')
  })

  it('reads Cantonese asking words and particles, in either script, as the Mandarin ones they mean', () => {
    const read = (q: string) => analyzeQuery(q, null)
    const words = (q: string) => read(q).words.map((w) => w.text)
    expect(read('財政局今年核減咗幾多錢？')).toMatchObject({ type: 'amount' })
    expect(words('財政局今年核減咗幾多錢？')).not.toContain('多钱')
    expect(read('宣傳部部長係邊個？').type).toBe('person')
    expect(words('宣傳部部長係邊個？')).not.toContain('系边')
    expect(read('佢哋幾時開會？').type).toBe('time')
    expect(read('演練係喺邊座山搞？').type).toBe('place')
    expect(words('请问经开区今年有冇新嘅台资企业落户？')).toEqual(expect.arrayContaining(['台资', '企业', '落户']))
    expect(words('请问经开区今年有冇新嘅台资企业落户？')).not.toContain('新嘅')
    // Mandarin's 边 (旁邊, 路邊) and 係 (關係) stay as they are.
    expect(words('路邊條幅掛喺邊度')).toContain('路边')
    expect(words('兩區嘅關係點樣')).toContain('关系')
    // Typed in simplified characters, 係 is 系; before an asking word it is still 是 (联系谁 stays).
    expect(read('经开区党政办公室主任系边个？').text).toContain('主任是谁')
    expect(read('这事该联系谁？').text).toContain('联系谁')
    // 入面 is inside, and 边 before a number asks which (边三项); Mandarin's 收入面临 stays.
    expect(read('“一二三四”入面嘅三项活动系边三项？').text).toContain('里面的三项活动是哪三项')
    expect(read('今年收入面临什么压力？').text).toContain('收入面临')
  })

  it('reads Sichuanese asking words as Mandarin; 好多 asks how many only where a clause asks', () => {
    const read = (q: string) => analyzeQuery(q, null)
    expect(read('马寨产业集聚区是个啥子级别的产业集聚区?').text).toContain('什么级别')
    expect(read('巡察整改是从啥子时候开始的').type).toBe('time')
    expect(read('电动巡逻车一共好多辆,花了好多钱?')).toMatchObject({ type: 'amount' })
    expect(read('电动巡逻车一共好多辆,花了好多钱?').text).toContain('多少辆')
    expect(read('举报电话是好多号,晓得不?').text).toContain('多少号')
    expect(read('好多人都说要修路，啥时候修').text).toContain('好多人')
  })

  it('reads Wu and Tianjin asking words as Mandarin, and leaves the Mandarin words they look like', () => {
    const asked = (q: string) => analyzeQuery(q, null).text
    expect(analyzeQuery('郑大二附院周边道路啥辰光通车伐？', null).type).toBe('time')
    expect(asked('巡逻车几钿一部？')).toContain('多少钱')
    expect(asked('介个培训嘛时候搞的')).toBe('这个培训什么时候搞的')
    expect(asked('格个事体哪能弄')).toBe('这个事体怎么弄')
    for (const q of ['严格个人所得税管理是哪年开始的', '中介是什么', '哪些林区禁止采伐?', '阿拉伯国家有哪些']) expect(asked(q)).toBe(q)
  })

  it('reads no word of the paper pointed at (报道里有没有提到, 的新闻有吗), and keeps a count of its reports', () => {
    const asked = (q: string) => analyzeQuery(q, null).text
    expect(asked('报道里有没有提到领导去地铁3号线工地调研？')).toBe('有没有领导去地铁3号线工地调研?')
    expect(asked('马寨产业集聚区开座谈会的新闻有吗？哪天开的')).toBe('马寨产业集聚区开座谈会有吗?哪天开的')
    expect(asked('有没有关于经开区中小学招生划片的新闻？')).toBe('有没有经开区中小学招生划片?')
    expect(asked('报道里提没提到郑大二附院？')).toBe('有没有郑大二附院?')
    expect(asked('宣传部发了多少篇报道？')).toContain('报道')
    // A light verb (搞起) names no deed an article must hold.
    expect(analyzeQuery('巡察整改是从什么时候开始搞起的', null).words.map((w) => w.text)).not.toContain('搞起')
  })

  it('reads the English words a reader mixes in as the Chinese the bulletins print', () => {
    const read = (q: string) => analyzeQuery(q, null)
    expect(read('马寨学习了哪些城市的创新创业 experience？').words.map((w) => w.text)).toContain('经验')
    expect(read('会后去了哪几家company对接').words.map((w) => w.text)).toContain('公司')
    expect(read('整改现在完成了多少 percent？').text).toContain('百分之多少')
    // Abbreviations printed as they are, and words not listed, stay.
    expect(read('经开区GDP多少').text).toContain('gdp')
    expect(read('那个app叫啥').text).toContain('app')
  })

  it('takes no name from verbs the HMM glues together', () => {
    const words = (q: string) => analyzeQuery(q, null).words.map((w) => w.text)
    // 看 leads the verb that says what was done; 分到 and 评到 are a verb and its result.
    expect(words('王宏伟去看收小麦，去的是什么地方？')).not.toContain('看收')
    expect(words('省里那回发专项债，咱经开区分到了多少钱？')).not.toContain('分到')
    expect(words('马寨产业集聚区现在评到几星级了？')).not.toContain('评到')
    // 禁烧 of 秸秆禁烧 is a word.
    expect(words('秸秆禁烧巡查是怎么要求的')).toContain('禁烧')
    expect(words('武斌那次调研先去看了哪个工地')).not.toContain('先去')
    expect(words('那些流动小贩被撵走了往哪摆去')).not.toContain('摆去')
  })

  it('reads no word in the way a reader offers a version or asks for the gist', () => {
    const words = (q: string) => analyzeQuery(q, null).words
    for (const w of ['不会', '只是', '简单', '一句', '原话']) {
      expect(words('督导组看的工地不会是只是5号线吧，简单说说，一句话，原话是啥').map((x) => x.text)).not.toContain(w)
    }
    // jieba tags 荣誉 as a person's name.
    expect(words('版权服务那块拿了个啥荣誉').find((w) => w.text === '荣誉')?.person).toBe(false)
  })

  it('reads spoken numerals of years, dates, shares and counts as the digits the bulletins print', () => {
    const read = (q: string) => analyzeQuery(q, '2023-07-20')
    expect(read('二零二一年经开区专项债发了多少亿').dates).toEqual(read('2021年经开区专项债发了多少亿').dates)
    expect(read('二零二零年五月二十五号省里发的专项债').dates).toEqual(read('2020年5月25日省里发的专项债').dates)
    expect(read('一到七月份正面报道有多少篇').dates).toEqual(read('1到7月份正面报道有多少篇').dates)
    // Two months said together are the range printed (7月至8月份); 十一月 is one month.
    expect(read('七八月份要搞啥活动').text).toContain('7月至8月份')
    expect(read('十一月开了什么会').text).toContain('11月')
    expect(read('十一月开了什么会').text).not.toContain('至')
    const words = (q: string) => analyzeQuery(q, null).terms.map((t) => t.text)
    expect(words('省里发了四百零九亿专项债')).toContain('409')
    expect(words('分了三千六百多套安置房')).toContain('3600')
    expect(words('一万二千人参加')).toContain('12000')
    expect(words('报销比例提到百分之六十')).toContain('60')
    // Names and rough guesses are not numbers: 二七区, 五里堡, 六七十岁.
    expect(words('二七区五里堡街道')).toEqual(expect.arrayContaining(['二七', '五里']))
    expect(words('来的大多是六七十岁的老党员')).toContain('六七')
    expect(words('在路边卖菜几十年了')).not.toContain('10')
    expect(words('来了几百人')).not.toContain('100')
    expect(words('听说征集了上千条意见')).not.toContain('1000')
  })

  it('takes 哪两条, 哪八个 and 哪俩 for asking which ones, not for words an article must hold', () => {
    expect(analyzeQuery('综合执法局的工作理念是哪八个字？', null).words.map((w) => w.text)).not.toContain('八个字')
    const which = analyzeQuery('党建办主任去明湖观摩，去了哪俩社区？', null)
    expect(which.type).toBe('list')
    expect(which.words.map((w) => w.text)).not.toContain('俩社区')
    expect(analyzeQuery('二附院新院周边正在修的是哪两条路？', null).words.map((w) => w.text)).not.toContain('两条路')
    // 俩 before a measure word is 两 alone (哪俩条路 is 哪两条路, not 哪两个条路).
    const measured = analyzeQuery('二附院周边修的哪俩条路', null)
    expect(measured.type).toBe('list')
    expect(measured.words.map((w) => w.text)).not.toContain('条路')
  })

  it('reads an asking word misspelt by pinyin input as the word meant', () => {
    const typed = analyzeQuery('郑大二附院周边的路啥时侯能通车', null)
    expect(typed.type).toBe('time')
    expect(typed.terms.map((t) => t.text)).not.toContain('时侯')
    expect(typed.words.map((w) => w.text)).not.toContain('时侯')
    expect(analyzeQuery('安置房神马时候交付', null).type).toBe('time')
    // A word that only looks alike is left as it is.
    expect(analyzeQuery('侯家庄的安置房', null).words.map((w) => w.text)).toContain('侯家庄')
  })

  it('keeps the 提 of 提升 after 有没有, which asks whether it rose, not whether it was mentioned', () => {
    expect(analyzeQuery('统计数据质量有没有提升', null).text).toContain('有没有提升')
    expect(analyzeQuery('报道里有没有提王宏伟', null).text).not.toContain('提')
  })

  it('reads the ones pointed back at (这两条) as no figure heard, and a summary and the original as no words of the story', () => {
    const pointed = analyzeQuery('周边道路那条，摘要说建的是美辰路和梅香路，原文是这两条吗？', null)
    expect(pointed.type).not.toBe('amount')
    expect(pointed.words.map((w) => w.text)).not.toContain('摘要')
    expect(pointed.words.map((w) => w.text)).not.toContain('原文')
    expect(pointed.words.map((w) => w.text)).not.toContain('那条')
  })

  it('reads 啥时, said for 啥时候, as asking when, but not 啥时限 or 啥时间', () => {
    const clipped = analyzeQuery('二附院啥时开业', null)
    expect(clipped.type).toBe('time')
    expect(clipped.words.map((w) => w.text)).not.toContain('时')
    expect(analyzeQuery('二七区交办任务有啥时限要求', null).text).toContain('啥时限')
    expect(analyzeQuery('培训是啥时间', null).text).toContain('啥时间')
  })

  it('reads punctuation said aloud into voice input as punctuation, and 什么东西 as asking what', () => {
    const said = analyzeQuery('那个区领导叫什么逗号他是什么职务问号', null)
    expect(said.parts.map((p) => p.text)).toEqual(['那个区领导叫什么', '他是什么职务'])
    expect(said.words.map((w) => w.text)).not.toContain('逗号')
    // A phrase that holds the word keeps it.
    expect(analyzeQuery('这个数字要打个问号吗', null).text).toContain('问号')
    expect(analyzeQuery('示范区在全市首家推出了什么东西', null).words.map((w) => w.text)).not.toContain('东西')
  })

  it('reads spoken forms as written: 多大 asks, 嘞 and 哩 are 的, 那帮人 is a group, where the reader heard it is no word', () => {
    const words = (q: string) => analyzeQuery(q, null).words.map((w) => w.text)
    expect(words('政府采购给小微企业留多大比例')).toEqual(expect.arrayContaining(['采购', '小微企业', '比例']))
    expect(words('政府采购给小微企业留多大比例').some((w) => w.includes('多大'))).toBe(false)
    expect(analyzeQuery('孵化面积有多大', null).type).toBe('amount')
    // Lanes and floors are counted (几车道, 盖几层): a road's name alone tells neither.
    expect(analyzeQuery('美辰路修好以后是几车道的', null).type).toBe('amount')
    expect(analyzeQuery('新院区门诊楼盖几层', null).unit).toBe('层')
    // Typed word by word, the counter still goes with its question word.
    expect(analyzeQuery('二七区 高龄津贴 每个月 给 多少 钱?', null).unit).toBe(analyzeQuery('高龄津贴每个月给多少钱', null).unit)
    expect(analyzeQuery('二七区 高龄津贴 每个月 给 多少 钱?', null).unit).toBeDefined()
    expect(words('经开区产学研对接会 是跟哪个大学搞哩')).not.toContain('搞哩')
    expect(words('财经学院那帮人开完会又去哪两家公司看了')).not.toContain('帮人开')
    // Older readers' comrade (哪位同志, 同志您好) asks who, as 谁 does; 担任什么职务 asks the post, which no article says with 担任.
    expect(analyzeQuery('同志您好，座谈会上讲话的马寨产业集聚区管委会主任是哪位同志？', null).type).toBe('person')
    expect(words('同志您好，座谈会上讲话的马寨产业集聚区管委会主任是哪位同志？')).not.toContain('同志')
    expect(words('代表祥云办事处表态的是哪位同志，担任什么职务？')).not.toContain('担任')
    expect(words('首席服务官由哪些人担任？')).toContain('担任')
    // 跟谁一起推出的 names the partner asked for, not 一起; 只用去一个地方 asks nothing of 只用.
    expect(words('线上廉政课堂是跟谁一起推出的')).not.toContain('一起')
    expect(words('在示范区办事是不是只用去一个地方')).not.toContain('只用')
    // Taiwan's and Hong Kong's 第二季 is the mainland's 第二季度.
    expect(analyzeQuery('示范区第二季工业增加值增长多少', null).text).toContain('第二季度')
    // People counted with 个 (几个人, 多少个人) are counted in 人, as 几人 is; jieba would read 个人 'personal'.
    expect(analyzeQuery('蜜蜂张街道党建竞赛是多少个人分了多少个组？', null).unit).toBe(analyzeQuery('多少人参加', null).unit)
    expect(words('一共来了几个人')).not.toContain('个人')
    // What the reader tells after the question (我们护林队新来几个人想去学) sets no kind nor part: its 几 is 'a few'.
    const told = analyzeQuery('森林防灭火培训都讲些啥内容？我们护林队新来几个人想去学', null)
    expect([told.type, told.parts.length]).toEqual(['general', 1])
    // A sentence of their own that asks (我开物流公司的能不能去) is a part still.
    expect(analyzeQuery('银企对接会是针对哪个行业的？我开物流公司的能不能去', null).parts).toHaveLength(2)
    expect(words('「脚板+手指」第一阶段是几号到几号？蹲一个')).not.toContain('一个')
    expect(words('我看报上说省里发了一批专项债')).toEqual(expect.arrayContaining(['专项债']))
    // Where the reader read it (根据报道，据新闻报道) names nothing the article holds; a report asked about (正面报道) does.
    const framed = ['根据报道，', '据新闻报道，', '根据报道所说，', '根据以上材料回答：', '请根据新闻内容回答：', '从报道来看，', '结合上文，', '阅读报道后回答，', '报道称']
    for (const q of framed.map((f) => `${f}马寨产业集聚区属于哪一等级？`)) {
      expect(words(q)).toEqual(words('马寨产业集聚区属于哪一等级？'))
    }
    expect(words('1到7月经开区上央媒的正面报道排第几')).toContain('报道')
    expect(words('从新闻发布会上获悉，马寨产业集聚区属于哪一等级？')).toContain('发布会')
    for (const w of ['报上', '省里']) expect(words('我看报上说省里发了一批专项债')).not.toContain(w)
    // 上台 "on stage" is no place the articles must name.
    const onStage = analyzeQuery('有几家单位上台作典型发言', null).words.find((w) => w.text === '上台')
    expect([onStage?.place, onStage?.name]).toEqual([false, false])
    expect(analyzeQuery('五里堡消防演练是哪个社区张罗的', null).words.find((w) => w.text === '张罗')?.person).toBe(false)
    // A grade asked is answered by the grade (省级二星级), never by the word 级别; a grade heard and checked is a guess.
    expect(words('马寨产业集聚区到底是啥级别？几星的？')).toEqual(['马寨产业集聚区'])
    expect(words('听老伙计讲马寨产业集聚区是个三星级的，是真的吗？')).toEqual(['马寨产业集聚区', '个'])
  })

  it('reads a word said twice around 不 (高不高, 管不管用) as asking whether, no word of the story', () => {
    const words = (q: string) => analyzeQuery(q, null).words.map((w) => w.text)
    expect(words('大学路那个知识竞赛正确率高不高')).not.toContain('高不高')
    expect(words('五里堡街道的消防演练满不满意')).not.toContain('满不满意')
    expect(words('马寨座谈会开得管不管用')).not.toContain('不管')
    expect(words('经开区安置房到现在分下去的够不够3000套？')).not.toContain('够不够')
    // A deed asked so is what the question is about.
    expect(words('安图生物那边现在招不招司机？')).toContain('招不招')
  })

  it('reads handing a thing on and where it went (发下去, 批下来) as no word of the story, and 接下来 as one', () => {
    const words = (q: string) => analyzeQuery(q, null).words.map((w) => w.text)
    expect(words('巡逻车发下去以后群众是什么反应？')).not.toContain('发下去')
    expect(words('大学路街道初赛比完了，接下来咋安排？')).toContain('接下来')
  })

  it('reads how a reporter points at the story, or a reader counts stories, as no word: the articles say 稿件', () => {
    const words = (q: string) => analyzeQuery(q, null).words.map((w) => w.text)
    expect(words('党政办稿子里“四抓”具体指哪四抓')).not.toContain('稿子')
    expect(words('宣传部那篇稿子主要讲了什么')).not.toContain('稿子')
    expect(words('疫情期间宣传部发了多少篇防疫的稿子')).toEqual(['疫情', '期间', '宣传部', '发', '防疫'])
  })

  it('reads a guessed figure in a question that checks it as no word, and a figure that names the thing as one', () => {
    const words = (q: string) => analyzeQuery(q, null).words.map((w) => w.text)
    expect(words('听说经开区分下去的安置房才一千来套，是不是真的？')).toEqual(['经开区', '分', '安置房'])
    expect(words('544条工作清单现在是不是完成了八成左右？')).toContain('544条')
    expect(words('544条工作清单现在是不是完成了八成左右？')).not.toContain('八成')
    expect(words('经开区分了一千来套安置房')).toContain('一千')
    // 到底是多少 checks the figure heard, said as 10个亿 or as a rough 七八百件.
    expect(words('我看报上说经开区分到了差不多10个亿，到底是多少？')).not.toContain('10个')
    expect(words('好像办了七八百件，到底办了多少件？')).not.toContain('七八百')
    expect(analyzeQuery('京航办事处主任', null).type).toBe('person')
    expect(analyzeQuery('郑大二附院新院区 床位数', null).type).toBe('amount')
  })

  it('reads a question that only checks a figure heard as asking that amount, in its unit', () => {
    const heard = (q: string) => {
      const plan = analyzeQuery(q, null)
      return [plan.type, plan.unit]
    }
    expect(heard('听说经开区森林防火培训来了两百多人，有这回事吗？')).toEqual(['amount', '人|名|位'])
    expect(heard('听说郑州银行当场给园区企业放了好几个亿的贷款，是不是真的？')).toEqual(['amount', '亿'])
    expect(heard('城镇新增就业一万人出头，是不是完成全年任务的一半了？')).toEqual(['amount', '人|名|位'])
    expect(heard('郑大二附院新院区设计床位数摘要写2000张，原文有这个数吗？')[0]).toBe('amount')
    // An ordinal, a lone 一 and a number read past its magnitude are no figure heard.
    expect(heard('稿子里写“新院区将是物流园区第二所三甲医院”，这么写对吗？')).toEqual(['general', undefined])
    expect(heard('是不是说新院区是物流园区唯一一家综合三甲？')).toEqual(['general', undefined])
    expect(heard('领高龄津贴的老人是一万三千五左右吧？')).toEqual(['general', undefined])
    // A question that asks something else keeps what it asks.
    expect(heard('听说来了两百多人，是哪天办的？')[0]).toBe('time')
  })

  it('reads a figure checked against a threshold (有没有三千套, 破亿了没) as asking the figure itself', () => {
    const read = (q: string) => {
      const plan = analyzeQuery(q, null)
      return { type: plan.type, unit: plan.unit, words: plan.words.map((w) => w.text) }
    }
    expect(read('经开区安置房现在分出去的有没有三千套啊')).toEqual({ type: 'amount', unit: '套', words: ['经开区', '安置房', '分'] })
    expect(read('祥云办事处今年小麦平均亩产过一千斤没')).toMatchObject({ type: 'amount', words: ['祥云办事处', '今年', '小麦', '平均', '亩产'] })
    // With no unit of its own (破亿, 八成, 一半, 二十个以上) the figure is still what is asked.
    for (const q of ['银行给小微企业放的贷款破亿了没', '初心杯答题正确率能到八成吗', '统计局签责任书的专业人员有二十个以上吗？', '办件量破一千了没？']) {
      const plan = read(q)
      expect(plan.type).toBe('amount')
      expect(plan.words.join('/')).not.toMatch(/破|亿|八成|20|一千|以上|没/)
    }
    // A figure with only a magnitude takes its unit from what is asked of it: money spent or lent.
    expect(read('清廉文化长廊花了十万以上吗').unit).toBe(read('清廉文化长廊花了多少钱').unit)
    expect(read('银行给小微企业放的贷款破亿了没').unit).toBe(read('清廉文化长廊花了多少钱').unit)
    // A rough figure (三千六百多套) told before asking the exact one is the reader's, not the article's.
    expect(read('安置房已经分了三千六百多套，准确是多少套？')).toEqual({ type: 'amount', unit: '套', words: ['安置房', '分'] })
    // 不止一家吧 asks whether there is more than one, not a figure; a plain question keeps its count.
    expect(read('物流园区里综合性三甲医院不止一家吧').type).toBe('general')
    expect(read('有3个社区获奖，分别是哪些？').words).toContain('3个')
  })

  it('reads 那 typed for 哪 only in a sentence that asks nothing else, and a decimal figure whole', () => {
    const which = analyzeQuery('大学路街道初心杯的决赛定在那天举行？', null)
    expect(which.type).toBe('time')
    expect(which.text).toContain('哪天')
    // A sentence that asks already keeps its 那 (那天 points back at a day the reader has in mind).
    expect(analyzeQuery('那天去的是哪家企业？', null).text).toContain('那天')
    const words = (q: string) => analyzeQuery(q, null).words.map((w) => w.text)
    expect(words('那9.97亿专项债投到哪些项目上了')).toContain('9.97亿')
    expect(words('那9.97亿专项债投到哪些项目上了')).not.toContain('97亿')
    // A verb glued to its counter is no word an article must hold; a count is.
    expect(words('城管有没有给划个地方')).not.toContain('划个')
    expect(words('创文抓的两个重点是哪')).toContain('两个')
    expect(words('有无修路的项目')).not.toContain('有无')
    // 得 for 的 ending a question.
    expect(analyzeQuery('统计局 个人目标责任书 几号签得', null).text).toContain('签的')
  })

  it('asks how long a time was (服务时间一共多长) as a length, not a date', () => {
    expect(analyzeQuery('服务时间一共多长', null)).toMatchObject({ type: 'time', unit: DURATION_UNIT })
  })

  it('asks a number of a line (几号线) and how many parts (几块)', () => {
    expect(analyzeQuery('督导组看的是地铁几号线的工地？', null)).toMatchObject({ type: 'amount', unit: '号线' })
    const parts = analyzeQuery('培训都讲了哪些内容？一共几块', null).parts
    expect(parts.map((p) => p.type)).toEqual(['list', 'amount'])
    expect(parts[1]!.unit).toBeUndefined()
  })

  it('reads a request for the gist (一句话概括) as asking what the story says, unless the message already asks', () => {
    expect(analyzeQuery('福华街街道巡逻车那篇一句话概括', null).text).toContain('讲了啥')
    expect(analyzeQuery('福华街街道巡逻车那篇一句话概括', null).words.map((w) => w.text)).not.toContain('概括')
    expect(analyzeQuery('宣传部那篇稿子主要讲了什么？一句话概括下。', null).text).not.toContain('讲了啥')
  })

  it('spells a small count typed in digits (1次, 2家) as articles write it in numerals (一次, 两家)', () => {
    const synonyms = (q: string, word: string) => analyzeQuery(q, null).words.find((w) => w.text === word)?.synonyms
    expect(synonyms('入户调查这些活动每周最少搞1次吗？', '1次')).toContain('一次')
    expect(synonyms('会后去了2家企业对接吗', '2家')).toEqual(expect.arrayContaining(['二家', '两家']))
    expect(synonyms('安置房分了3636套吗', '3636套')).toEqual([])
  })

  it('reads a figure looked up (3636套是什么的数量, 13532名指的是哪些人) as asking what it stands for', () => {
    expect(analyzeQuery('3636套是什么东西的数量啊', null).type).toBe('general')
    expect(analyzeQuery('13532名指的是哪些人', null).type).toBe('general')
    expect(analyzeQuery('“1.86倍”是跟哪个数比的？', null).type).toBe('general')
    expect(analyzeQuery('培训来了多少人', null).type).toBe('amount')
  })

  it('reads a quiz item\'s blank as what it asks, and a rank asked as no word of its own', () => {
    const blank = analyzeQuery('填空：2020年小麦平均单产达到了____斤/亩', null)
    expect(blank.type).toBe('amount')
    expect(blank.words.map((w) => w.text)).not.toContain('填空')
    expect(analyzeQuery('竞赛在（ ）月（ ）日举行', null).type).toBe('time')
    expect(analyzeQuery('参观的是（ ）', null).type).toBe('general')
    // A blank before 年的发展历程 asks a length of years; before 前结束, a time; after 负责人是, a person.
    expect(analyzeQuery('填空：负责人介绍了经开区____年的发展历程。', null)).toMatchObject({ type: 'amount', unit: '年' })
    expect(analyzeQuery('集中行动要在（ ）前结束？', null).type).toBe('time')
    expect(analyzeQuery('填空：作典型发言的负责人是____。', null).type).toBe('person')
    // A counter that begins a word (____项目) is no amount asked: the blank is a thing, and 项目 stays whole.
    const project = analyzeQuery('填空：纪检监察工委到辖区____项目参与指导廉洁文化示范点建设。', null)
    expect(project.type).toBe('general')
    expect(project.words.map((w) => w.text)).toContain('项目')
    expect(analyzeQuery('共督促更换过期灭火器（ ）具？', null).type).toBe('amount')
    const rank = analyzeQuery('文化产业这块规模排第几', null).words.map((w) => w.text)
    expect(rank).not.toContain('排第')
    expect(rank).not.toContain('这块')
  })

  it('splits a question into the parts that ask, leaving out a clause that tells the reader\'s own story', () => {
    const parts = analyzeQuery('周边的路啥时候能通车？具体修的是哪几条路？我想以后去那边看病方便点', null).parts
    expect(parts.map((p) => p.text)).toEqual(['周边的路啥时候能通车', '具体修的是哪几条路'])
    expect(parts.map((p) => p.type)).toEqual(['time', 'list'])
    expect(analyzeQuery('我想去那边看病。周边的路啥时候通车？', null).parts).toHaveLength(1)
    // 呢 ends the reader's own story too (俺家还等着回迁呢), without asking anything.
    expect(analyzeQuery('一共分了多少套安置房了？俺家还等着回迁呢', null).parts).toHaveLength(1)
    expect(analyzeQuery('一共分了多少套安置房了？家里还等着回迁呢', null).parts).toHaveLength(1)
    // So does a 着…呢 clause in any person: 'is still waiting'.
    expect(analyzeQuery('美辰路梅香路那片到底啥时候能通车？线路等着改呢', null).parts).toHaveLength(1)
    expect(analyzeQuery('中小企业留多少？小微企业呢？', null).parts).toHaveLength(2)
    // A part with a question word of its own asks its own kind; one with 呢 alone carries the kind before it.
    expect(analyzeQuery('演练是哪天开始的？请的哪家的老师讲课？', null).parts.map((p) => p.type)).toEqual(['time', 'general'])
    expect(analyzeQuery('中小企业留多少？小微企业呢？', null).parts.map((p) => p.type)).toEqual(['amount', 'amount'])
    // Readers who type no punctuation part their questions with a space.
    expect(analyzeQuery('初心杯知识竞赛有几支队参加 几支进了决赛', null).parts.map((p) => [p.text, p.type])).toEqual([
      ['初心杯知识竞赛有几支队参加', 'amount'],
      ['几支进了决赛', 'amount'],
    ])
    expect(analyzeQuery('经开区 安置房分了多少套', null).parts).toHaveLength(1)
    // A comma parts two questions too when both sides ask; a piece that asks nothing goes with the next.
    expect(analyzeQuery('观摩看了多少个社区，程晓华去的是哪几个社区', null).parts.map((p) => p.text)).toEqual(['观摩看了多少个社区', '程晓华去的是哪几个社区'])
    expect(analyzeQuery('领导去看地铁工地那次 是几号线 哪天去的', null).parts.map((p) => p.text)).toEqual(['领导去看地铁工地那次是几号线', '哪天去的'])
    expect(analyzeQuery('我刚搬来，周边的路啥时候通车', null).parts).toHaveLength(1)
    // 多长, 多久, 多高 ask as 多少 does, and are question words, not words an article should hold.
    const long = analyzeQuery('秸秆禁烧巡查要求咋巡，多长时间？', null)
    expect(long.parts.map((p) => p.text)).toEqual(['秸秆禁烧巡查要求咋巡', '多长时间'])
    expect(long.words.map((w) => w.text)).not.toContain('多长时间')
    expect(analyzeQuery('党团知识比赛答对的比例多高', null).words.map((w) => w.text)).not.toContain('多高')
    expect(analyzeQuery('很多高校参加了吗', null).words.map((w) => w.text)).toContain('高校')
    // 还是 offers two answers to choose from, 全称 and 名叫 ask for a name: the article prints neither.
    const either = analyzeQuery('培训是光听课还是上手操作装备？那家企业全称叫啥，名叫什么', null).words.map((w) => w.text)
    expect(either).toEqual(expect.arrayContaining(['培训', '操作', '装备']))
    for (const w of ['还是', '全称', '名叫']) expect(either).not.toContain(w)
    // 前几年 tells when, it asks nothing: the question is the one about 多少套.
    const story = analyzeQuery('我家老房子前几年拆迁了，天天盼着回迁。经开区安置房一共分出去多少套了', null)
    expect(story.parts).toHaveLength(1)
    expect(story).toMatchObject({ type: 'amount', unit: '套' })
    // A part that asks its own amount does not carry the unit of the one before.
    const units = analyzeQuery('举措完成率多少 一共分了几大类任务', null).parts.map((p) => [p.type, p.unit])
    expect(units).toEqual([['amount', '%|％|成'], ['amount', undefined]])
    // A quote from the article is what is asked about, not how: 时间 inside it asks no time.
    expect(analyzeQuery('“在不到3个月的时间绿化成这样”说的是哪里的绿化？', null).type).toBe('place')
    expect(analyzeQuery('河南财政金融学院在郑州哪一块', null).type).toBe('place')
    // How many are asked for (哪两块地方) is no word an article must hold.
    expect(analyzeQuery('示范区创文明城市主要盯哪两块地方？', null).words.map((w) => w.text)).not.toContain('两块')
    // Courtesies are no content words (jieba even tags 谢谢 a name).
    expect(analyzeQuery('市级文明校园有几个？谢谢。', null).words.map((w) => w.text)).not.toContain('谢谢')
    // A person is a name jieba tags with a common surname first: 李建国, not 麦子.
    const person = (q: string, w: string) => analyzeQuery(q, null).words.find((x) => x.text === w)?.person
    expect(person('管委会副主任李建国讲了什么', '李建国')).toBe(true)
    expect(person('区领导在花马沟看的割麦子', '麦子')).toBe(false)
    // Words pointing back at what the reader has in mind name nothing an article prints.
    expect(analyzeQuery('督导组那天具体去了哪些地方', null).words.map((w) => w.text)).not.toContain('那天')
    expect(analyzeQuery('那次演练具体是谁组织的', null).words.map((w) => w.text)).toEqual(expect.arrayContaining(['演练']))
    expect(analyzeQuery('那次演练具体是谁组织的', null).words.map((w) => w.text)).not.toContain('那次')
    const then = analyzeQuery('疫情那阵子宣传部发了多少篇稿件，后来呢', null).words.map((w) => w.text)
    expect(then).toEqual(expect.arrayContaining(['疫情', '宣传部']))
    expect(then).not.toContain('那阵子')
    expect(then).not.toContain('后来')
    // 最后 of how a thing ended is no word of the story's; 最后一项 and the article's own 最后强调 are.
    const words = (q: string) => analyzeQuery(q, null).words.map((w) => w.text)
    expect(words('那些流动摊贩最后咋安置的')).not.toContain('最后')
    expect(words('超期的灭火器到最后有没有换掉')).not.toContain('最后')
    expect(words('王家鹏最后强调了什么')).toContain('最后')
    // 6月1号 is read as the 6月1日 articles print; 3号线 stays a line.
    expect(analyzeQuery('6月1号去了地铁3号线吗', null).text).toContain('6月1日')
    expect(analyzeQuery('6月1号去了地铁3号线吗', null).text).toContain('3号线')
    // 几号线 asks which line, not a day.
    expect(analyzeQuery('督导组去看了地铁几号线的工地', null).type).not.toBe('time')
  })

  it('adds lexicon synonyms, and names the districts a question mentions', () => {
    const plan = analyzeQuery('郑大二附院旁边的路', null)
    expect(plan.terms.filter((t) => t.kind === 'synonym').map((t) => t.text)).toContain('郑州大学第二附属医院')
    expect(analyzeQuery('二七区有啥活动', null).districts).toContain('二七区')
  })

  it('turns relative time words into date ranges and out of the search terms', () => {
    const plan = analyzeQuery('今年6月经开区有什么新闻', '2023-11-15')
    expect(plan.dates).toEqual([{ from: '2023-06-01', to: '2023-06-30' }])
    expect(plan.terms.map((t) => t.text)).not.toContain('今年')
    expect(analyzeQuery('今年6月经开区有什么新闻', null).dates).toEqual([])
  })

  it('reads 前两天 and 前阵子 as the last month, not as words an article must hold', () => {
    const plan = analyzeQuery('前两天带队去地铁3号线工地督导的是哪位领导', '2023-11-15')
    expect(plan.dates).toEqual([{ from: '2023-10-16', to: '2023-11-15' }])
    expect(plan.words.map((w) => w.text)).not.toContain('前两天')
    expect(analyzeQuery('前阵子安置房分了多少套', '2023-11-15').dates).toHaveLength(1)
  })

  it('treats FTS5 syntax as plain text', () => {
    expect(texts('"安置房" AND NOT (经开区)*')).toEqual(expect.arrayContaining(['安置房', 'and', 'not', '经开区']))
  })

  it.each(['', '   ', '？？！！。。', '请问吗呢', '“”（）'])('has no terms for %j', (q) => {
    expect(analyzeQuery(q, '2023-11-15').terms).toEqual([])
  })

  it('cuts a 10,000-character query instead of failing', () => {
    const plan = analyzeQuery('安置房'.repeat(3334), null)
    expect(plan.terms.length).toBeGreaterThan(0)
    expect(plan.terms.length).toBeLessThanOrEqual(64)
    expect(MAX_QUERY_CHARS).toBeLessThan(10_000)
  })

  it('takes synonyms and districts from any lexicon it is given', () => {
    const lexicon = parseLexicon('// comment\n高新区 高新 #district\n回迁房 安置房\n')
    const plan = analyzeQuery('高新区回迁房', null, lexicon)
    expect(plan.districts.sort()).toEqual(['高新', '高新区'])
    expect(plan.terms.filter((t) => t.kind === 'synonym').map((t) => t.text)).toEqual(['安置房'])
  })

  it('reads a meeting said short (动员会) as the paper prints it in full, and not a body (居委会)', () => {
    const synonyms = (q: string, w: string) => analyzeQuery(q, null).words.find((x) => x.text === w)?.synonyms
    expect(synonyms('扶贫领域的动员会是哪天开的', '动员会')).toEqual(['动员大会', '动员会议'])
    expect(synonyms('居委会今年换届了吗', '居委会')).toEqual([])
    expect(synonyms('运动会是哪天开的', '运动会')).toEqual([])
  })

  it('reads a reader\'s word marked ~ as the name, one way only', () => {
    const lexicon = parseLexicon('经开区 经济技术开发区 ~开发区 #district\n')
    const plan = analyzeQuery('开发区的安置房分了多少套', null, lexicon)
    expect(plan.terms.filter((t) => t.kind === 'synonym').map((t) => t.text)).toEqual(['经开区', '经济技术开发区'])
    // An article's 开发区 may be another one: the name does not stand for it.
    expect(lexicon.entries.get('经开区')!.synonyms).toEqual(['经济技术开发区'])
    expect(analyzeQuery('经开区的安置房分了多少套', null, lexicon).terms.map((t) => t.text)).not.toContain('开发区')
  })

  it('leaves out the reader\'s own story told before the question, but for what they heard and the local names', () => {
    const plan = analyzeQuery('我家住在马寨，楼下修路修了好长时间，天天轰隆隆的。闺女说有区里领导去地铁工地看过进度。是哪位领导带的队？', null)
    // 好长时间 of their story is not read as asking how long.
    expect(plan.type).toBe('person')
    const words = plan.words.map((w) => w.text)
    expect(words).toEqual(expect.arrayContaining(['马寨', '领导', '地铁', '工地', '进度']))
    expect(words).not.toContain('轰隆隆')
    expect(words).not.toContain('楼下')
    // A message that opens with the question keeps every word it says after it.
    expect(analyzeQuery('是哪位领导带的队？我家住在马寨，天天轰隆隆的。', null).words.map((w) => w.text)).toContain('轰隆隆')
  })

  it('reads a size asked in round figures as how many, and one offered to check as the figure heard', () => {
    expect(analyzeQuery('明湖办事处那次观摩大概来了几十个人？', null).type).toBe('amount')
    expect(analyzeQuery('经开区规模以上文化企业大概有几百家？', null).unit).toBe('家')
    expect(analyzeQuery('知识竞赛一共出了上百道题吗？', null).type).toBe('amount')
    // 几十年 tells how long, not how many.
    expect(analyzeQuery('他几十年如一日守护这片林子，叫什么名字？', null).type).not.toBe('amount')
  })
})
