// Writes the e-paper fixture that cannot be kept as hand-edited UTF-8: a GB2312-declared article page
// encoded in GBK, as older Founder editions serve them. Run: npx tsx scripts/make-epaper-fixtures.ts
import { writeFileSync } from 'node:fs'
import iconv from 'iconv-lite'

const PAGE = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>经开时报数字报-前程办事处:深化以案促改 护航脱贫攻坚</title></head>
<body>
<table><tr><td class="px12">第02版：综合</td></tr></table>
<table>
<tr><td class="font02">党建连连看</td></tr>
<tr><td class="font01"><founder-title>前程办事处:深化以案促改 护航脱贫攻坚</founder-title></td></tr>
<tr><td><founder-author></founder-author></td></tr>
<tr><td><founder-content><!--enpcontent--><P>本报讯 6月1日上午,前程办事处召开扶贫领域以案促改集中行动动员大会,全体机关干部、原村“两委”负责人参加了会议。</P><P>会议要求各村成立工作专班,制订工作方案,确保行动取得扎实成效。</P><P>记者 柴琳琳 通讯员 赵宁华</P><!--/enpcontent--></founder-content></td></tr>
</table>
<!--enpproperty <articleid>105</articleid><date>2020-06-03</date><author></author><title>前程办事处:深化以案促改 护航脱贫攻坚</title><keyword></keyword><subtitle></subtitle><introtitle>党建连连看</introtitle><siteid>1</siteid><nodeid>2</nodeid><nodename>综合</nodename><nodesearchname></nodesearchname>/enpproperty-->
</body></html>
`

writeFileSync(new URL('../tests/fixtures/epaper/classic/html/2020-06/03/content_105.htm', import.meta.url), iconv.encode(PAGE, 'gbk'))
