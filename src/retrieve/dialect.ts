// Cantonese as Hong Kong and overseas readers type it, in either script (幾多錢, 係邊個, 有冇): the
// bulletins are written in Mandarin, so each asking word and particle is read as the Mandarin one it
// means, or the question's type is missed and its particles are taken for words no article holds.
// Applied before traditional characters are simplified (opencc turns 嗰 into 𠮶 and 係 into 系,
// which is also 系统's 系). Longer forms first.
const CANTONESE: [RegExp, string][] = [
  [/[係系]唔[係系]|[係系是]咪/g, '是不是'],
  [/有冇/g, '有没有'],
  [/冇/g, '没有'],
  [/[幾几]多/g, '多少'],
  [/[個个][鐘钟](?:[頭头])?/g, '个小时'],
  // 邊個 asks who when nothing follows it (局長係邊個？), which one before a noun (邊個機構).
  [/[邊边][個个](?=$|[\s，。？！,.?!呀啊㗎呢])/g, '谁'],
  [/喺?[邊边](?:度|處|处)|喺[邊边](?![個个位間间條条座組组家日年次場场隻只一兩两幾几區区])/g, '哪里'],
  // 邊 before a counter or a number asks which (邊位, 邊兩間, 邊三項, 邊一帶); after a place word it is Mandarin's side (旁邊, 路邊條幅).
  [/(?<![旁周身河路海街江湖岸沿東东南西北左右前後后裏里外上下這这那兩两一半無无天手床窗耳道底])[邊边](?=[個个位間间條条座組组家日年次場场隻只一兩两三四五六七八九十幾几區区])/g, '哪'],
  [/啲(?=咩|乜)/g, ''],
  [/乜[嘢野]?|咩/g, '什么'],
  [/[點点]樣/g, '怎样'],
  [/[點点]解/g, '为什么'],
  [/今次/g, '这次'],
  // 係 is Cantonese's 是 except in 關係/聯係 (traditional Mandarin's 关系/联系).
  [/(?<![關关聯联])係/g, '是'],
  // Typed in simplified characters, 係 is 系: before an asking word (系谁, 系哪间, 系什么) it is 是 too.
  [/(?<![关联体])系(?=谁|哪|什么|多少|怎样|为什么|不是)/g, '是'],
  [/佢[哋地]/g, '他们'],
  [/佢/g, '他'],
  // 入面 is inside (一二三四入面嘅三项); not Mandarin's 收入面临 or 投入面积.
  [/入面(?=嘅|有|[係系]|[？?，,。]|$)/g, '里面'],
  [/嘅/g, '的'],
  [/咗/g, '了'],
  [/嗰/g, '那'],
  [/啲/g, '些'],
  [/喺/g, '在'],
  [/唔/g, '不'],
  [/睇/g, '看'],
  [/攞/g, '拿'],
  [/[畀俾]/g, '给'],
  [/嚟/g, '来'],
  [/[搵揾]/g, '找'],
  [/[㗎喎囉啩吖嘞]/g, ''],
]

// Sichuan and Chongqing Mandarin spells its asking words its own way (啥子时候, 咋个办, 莫得, 花了好多钱).
const SOUTHWESTERN: [RegExp, string][] = [
  [/啥子/g, '什么'],
  [/咋个/g, '怎么'],
  [/莫得/g, '没有'],
  // 好多 asks how many in a clause that asks (一共好多个社区？, 好多钱哦), or with a counter ending the clause (好多号，晓得不);
  // elsewhere it is Mandarin's "a lot" (好多人都说).
  [/好多(?=[^，,。！!？?\s]*[？?]|[个辆钱号人家项次套条元块天年岁斤亩万亿位所座]?(?:[，,。？?]|$|[哦嘛哟呢啊呀]))/g, '多少'],
]

// Wu (Shanghai, Zhejiang) and Tianjin speech spell theirs their own way too (啥辰光, 几钿, 侬晓得伐; 嘛时候, 为嘛, 介个).
const WU_AND_TIANJIN: [RegExp, string][] = [
  [/啥辰光|嘛时候/g, '什么时候'],
  [/几钿/g, '多少钱'],
  [/啥人/g, '谁'],
  [/哪能/g, '怎么'],
  [/为嘛/g, '为什么'],
  [/嘛玩意儿?/g, '什么'],
  [/阿拉(?![伯善斯丁])/g, '我们'],
  [/侬/g, '你'],
  // 格个 and 介个 open a clause (格个事体, 介个培训); inside a word they are Mandarin (严格个人, 中介是).
  [/搿个|(?<![^\s，,。？?！!])格个/g, '这个'],
  [/(?<![^\s，,。？?！!])介(?=[个次回是])/g, '这'],
  // 伐 ends a question as 吗 does (有伐, 是伐); not 采伐, 砍伐 or 步伐.
  [/(?<![采砍征讨步杀北攻])伐(?=[？?。！!，,\s]|$)/g, '吗'],
]

// English words readers mix into a Chinese question (开完meeting, 哪几家company, 创新创业experience), as the bulletins
// say them. Only words of office and local news with one plain rendering; abbreviations the papers print as they are
// (GDP, KPI, app) stay, and so does a word not listed here.
const ENGLISH: Record<string, string> = {
  meeting: '会议', training: '培训', company: '公司', companies: '公司', enterprise: '企业', project: '项目',
  deadline: '截止', target: '目标', budget: '预算', policy: '政策', plan: '计划', report: '报告', event: '活动',
  activity: '活动', experience: '经验', cooperation: '合作', hospital: '医院', bank: '银行', police: '民警',
  office: '办公室', school: '学校', university: '大学', kindergarten: '幼儿园', subway: '地铁', library: '图书馆',
  revenue: '营收', volunteer: '志愿者', community: '社区', village: '村', factory: '工厂',
  leader: '领导', boss: '领导', director: '主任', manager: '经理', loan: '贷款', subsidy: '补贴',
  allowance: '补贴', salary: '工资', rent: '租金', competition: '比赛', contest: '比赛', champion: '冠军',
  award: '奖', inspection: '检查', safety: '安全', investment: '投资', total: '一共',
}
// 完成了多少percent asks a share, as 百分之多少 does.
const PERCENT_ASKED = /(?:多少|几)\s*percent(?![A-Za-z])/gi
const ENGLISH_WORD = new RegExp(`(?<![A-Za-z])(${Object.keys(ENGLISH).join('|')})s?(?![A-Za-z])`, 'gi')

/** The question with its dialects' asking words and particles, and the English words it mixes in, read as Mandarin. */
export function asMandarin(text: string): string {
  const mandarin = [...CANTONESE, ...SOUTHWESTERN, ...WU_AND_TIANJIN].reduce((t, [form, said]) => t.replace(form, said), text)
  return mandarin.replace(PERCENT_ASKED, '百分之多少').replace(ENGLISH_WORD, (_, word: string) => ENGLISH[word.toLowerCase()]!)
}
