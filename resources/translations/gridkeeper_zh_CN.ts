<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountForm</name>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="38"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="38"/>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="56"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="57"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="58"/>
        <source>Grids a steward may edit</source>
        <translation>网格员可编辑的网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="61"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="62"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="76"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="89"/>
        <source>Accounts</source>
        <translation>账号管理</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="96"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="96"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="96"/>
        <source>Grids</source>
        <translation>负责网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="96"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="101"/>
        <source>Add…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="102"/>
        <source>Role and grids…</source>
        <translation>角色和网格…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="103"/>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="104"/>
        <source>Disable / enable</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="111"/>
        <source>Lock the screen after this many idle minutes (0 = never):</source>
        <translation>无人操作多少分钟后锁屏（0 = 不锁屏）：</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="115"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="134"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="135"/>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="135"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="143"/>
        <source>Nobody needs to sign in until the first account is created. Create a community administrator first; after that GridKeeper asks who is working.</source>
        <translation>在建立第一个账号之前，无需登录。请先建立一个社区管理员账号；此后每次启动，网格管家都会询问由谁值班操作。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="145"/>
        <source>Administrators edit everything and manage accounts; a steward edits the grids ticked for them and sees the rest read-only.</source>
        <translation>管理员可以修改全部数据并管理账号；网格员只能修改为其勾选的网格，其他网格只能查看。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="182"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/accounts_dialog.py" line="183"/>
        <source>New password for {0}:</source>
        <translation>{0}的新密码：</translation>
    </message>
</context>
<context>
    <name>AssignLeaderDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="35"/>
        <source>Assign {0}: {1}</source>
        <translation>任命{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="42"/>
        <source>Name or pinyin initials of a resident living there</source>
        <translation>本楼居民的姓名或拼音首字母</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="48"/>
        <source>Or type the name of someone from outside</source>
        <translation>或填写非本楼人员的姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="50"/>
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="52"/>
        <source>ends on</source>
        <translation>止于</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="58"/>
        <source>The pledge in their own words (shown on the wall roster)</source>
        <translation>本人承诺（显示在上墙公示名单上）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="62"/>
        <source>Now</source>
        <translation>至今</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="62"/>
        <source>{0}, {1}, since {2}</source>
        <translation>{0}，{1}，自{2}起</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="64"/>
        <source>Find resident</source>
        <translation>查找居民</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="66"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="67"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="76"/>
        <source>Term from</source>
        <translation>任期开始</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="77"/>
        <source>Pledge</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="79"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="88"/>
        <source>, Party member</source>
        <translation>，党员</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="92"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="98"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="101"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="103"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="106"/>
        <source>Export with full ID numbers</source>
        <translation>导出完整身份证号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="108"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="129"/>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="146"/>
        <source>Warning: the audit trail has been tampered with ({0} problems): {1}</source>
        <translation>警告：审计记录已被篡改（{0} 处问题）：{1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="150"/>
        <source>{0} entries; the chain of entries is unbroken.</source>
        <translation>共 {0} 条记录，记录链完整无缺。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="155"/>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="156"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="165"/>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="165"/>
        <source>{0} entries written to {1}</source>
        <translation>已将 {0} 条记录写入 {1}</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="33"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="33"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="34"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="34"/>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="35"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="35"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="36"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/audit_view.py" line="36"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>BackgroundRead</name>
    <message>
        <location filename="../../gridkeeper/ui/background_read.py" line="45"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
</context>
<context>
    <name>BoardsSection</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="65"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="65"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="65"/>
        <source>Year</source>
        <translation>全年</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="70"/>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="295"/>
        <source>Grid scoreboard</source>
        <translation>网格考核</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="71"/>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="296"/>
        <source>Property companies&apos; red and black list</source>
        <translation>物业服务企业红黑榜</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="73"/>
        <source>Period:</source>
        <translation>统计期：</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="78"/>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="79"/>
        <source>Save as Excel…</source>
        <translation>保存为 Excel…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="80"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="118"/>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="154"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="119"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="120"/>
        <source>Steward</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="121"/>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="159"/>
        <source>Households</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="124"/>
        <source>Visit coverage</source>
        <translation>走访覆盖率</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="125"/>
        <source>Care households on cadence</source>
        <translation>关爱户按时走访率</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="126"/>
        <source>Requests on time</source>
        <translation>诉求按期办结率</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="127"/>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="165"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="128"/>
        <source>Hazards rectified on time</source>
        <translation>隐患按期整改率</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="129"/>
        <source>Vacant posts</source>
        <translation>空缺三长岗位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="130"/>
        <source>Service hours</source>
        <translation>党员服务时长</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="131"/>
        <source>Score</source>
        <translation>综合得分</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="138"/>
        <source>Arrows compare with the previous period. The score is the mean of the percentages a grid has; grids are ranked by it. Visit coverage: households visited in the period; care households on cadence: not past their visiting interval at the end of the period (today while it runs).</source>
        <translation>箭头为与上期相比的变化。综合得分为各项百分比（有数据的各项）的平均数，按它排名。走访覆盖率：本期走访过的住户占比；关爱户按时走访率：期末（本期未结束时为今天）未超出走访间隔的关爱户占比。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="151"/>
        <source>Red list</source>
        <translation>红榜</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="151"/>
        <source>Black list</source>
        <translation>黑榜</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="152"/>
        <source>Too few to rank</source>
        <translation>诉求过少，不排名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="155"/>
        <source>Property company</source>
        <translation>物业服务企业</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="156"/>
        <source>List</source>
        <translation>榜单</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="157"/>
        <source>Compounds</source>
        <translation>服务小区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="160"/>
        <source>Requests</source>
        <translation>受理诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="161"/>
        <source>On time</source>
        <translation>按期办结率</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="162"/>
        <source>Average days</source>
        <translation>平均办结天数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="164"/>
        <source>Overdue now</source>
        <translation>超期未办</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="171"/>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="172"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="175"/>
        <source>Black list below on time</source>
        <translation>黑榜：按期办结率低于</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="176"/>
        <source>or satisfaction</source>
        <translation>或满意度低于</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="177"/>
        <source>Ranked from requests</source>
        <translation>参评最少诉求件数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="178"/>
        <source>Red list places</source>
        <translation>红榜名额</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="181"/>
        <source>Keep as the community&apos;s rule</source>
        <translation>设为本社区的标准</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="209"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="278"/>
        <source>Basis of the ranking: {0}</source>
        <translation>排名依据：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="297"/>
        <source>{0} — {1}, compared with {2}</source>
        <translation>{0}——{1}（与{2}比较）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="329"/>
        <source>The figures are still being counted: try again in a moment.</source>
        <translation>数据正在统计，请稍候再试。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="340"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="340"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="343"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="348"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/boards.py" line="356"/>
        <source>Preparing the pages…</source>
        <translation>正在生成页面…</translation>
    </message>
</context>
<context>
    <name>BuildingDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="150"/>
        <source>Edit building</source>
        <translation>编辑楼栋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="150"/>
        <source>New building</source>
        <translation>新建楼栋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="156"/>
        <source>e.g. 7号楼</source>
        <translation>例如 7号楼</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="157"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="163"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="164"/>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="166"/>
        <source>Units (0: add them later)</source>
        <translation>单元数（0：以后再添加）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="168"/>
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="170"/>
        <source>Rooms a floor</source>
        <translation>每层户数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="172"/>
        <source>With units, one household record is made for every room (101, 102 … numbered by floor), marked vacant until someone is registered, so the visit matrix is complete from the first day.</source>
        <translation>填写单元数后，每个房间生成一条住户记录（按楼层编号 101、102……），在登记居民之前标为“空置”，走访矩阵从第一天起就是完整的。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="186"/>
        <source>Create it first (right-click the community in the place tree)</source>
        <translation>请先新建（在左侧地点树中右键点击社区）</translation>
    </message>
</context>
<context>
    <name>BuildingMatrix</name>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="20"/>
        <source>Visited this month</source>
        <translation>本月已走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="21"/>
        <source>Visited last month</source>
        <translation>上月走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="22"/>
        <source>Visited earlier</source>
        <translation>更早走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="23"/>
        <source>Never visited</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="66"/>
        <source>{0} = household with care tags</source>
        <translation>{0} = 有关爱对象的住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="75"/>
        <source>Building visit matrix</source>
        <translation>楼栋走访图</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="76"/>
        <source>Choose a building (or one of its units) in the tree on the left to see its rooms.</source>
        <translation>请在左侧树中选择一栋楼（或其中一个单元），即可查看各房间的走访情况。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="84"/>
        <source>{0}: {1} households, {2} visited this month</source>
        <translation>{0}：共 {1} 户，本月已走访 {2} 户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="100"/>
        <source>Floor {0}</source>
        <translation>{0}层</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="100"/>
        <source>Floor unknown</source>
        <translation>楼层不详</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="120"/>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="121"/>
        <source>Room {0} — last visit: {1}</source>
        <translation>{0}室 — 最近走访：{1}</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="363"/>
        <source>Inspection checklists</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="369"/>
        <source>One item a line; leave empty to use the usual items</source>
        <translation>每行一项；留空则用常用检查项</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="377"/>
        <source>Kind of place</source>
        <translation>场所类别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="378"/>
        <source>Items</source>
        <translation>检查项目</translation>
    </message>
</context>
<context>
    <name>CommunityDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="45"/>
        <source>Community details</source>
        <translation>社区信息</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="48"/>
        <source>as printed, e.g. 福康社区居民委员会</source>
        <translation>打印时的名称，例如 福康社区居民委员会</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="49"/>
        <source>e.g. 新华街道</source>
        <translation>例如 新华街道</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="50"/>
        <source>e.g. 道里区</source>
        <translation>例如 道里区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="51"/>
        <source>e.g. 0451-86123456</source>
        <translation>例如 0451-86123456</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="52"/>
        <source>e.g. 0451-86120000</source>
        <translation>例如 0451-86120000</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="53"/>
        <source>Community name</source>
        <translation>社区名称</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="54"/>
        <source>Subdistrict (street)</source>
        <translation>所属街道</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="55"/>
        <source>District</source>
        <translation>所属区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="56"/>
        <source>Service hotline</source>
        <translation>服务热线</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="57"/>
        <source>Supervision phone</source>
        <translation>监督电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="58"/>
        <source>These appear on every printed ledger, notice and wall roster.</source>
        <translation>这些信息印在每份台账、通知和公示牌上。</translation>
    </message>
</context>
<context>
    <name>CommunityPage</name>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="36"/>
        <source>Your community</source>
        <translation>您的社区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="37"/>
        <source>Welcome to GridKeeper. These details are printed on every ledger, notice and wall roster; all of them can be changed later (Settings › Community details).</source>
        <translation>欢迎使用网格管家。以下信息会印在每份台账、通知和公示牌上，以后都可以修改（设置 › 社区信息）。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="44"/>
        <source>as printed, e.g. 福康社区居民委员会</source>
        <translation>打印时的名称，例如 福康社区居民委员会</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="46"/>
        <source>e.g. 新华街道</source>
        <translation>例如 新华街道</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="48"/>
        <source>e.g. 道里区</source>
        <translation>例如 道里区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="50"/>
        <source>e.g. 0451-86123456</source>
        <translation>例如 0451-86123456</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="52"/>
        <source>e.g. 0451-86120000</source>
        <translation>例如 0451-86120000</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="53"/>
        <source>Community name</source>
        <translation>社区名称</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="54"/>
        <source>Subdistrict (street)</source>
        <translation>所属街道</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="55"/>
        <source>District</source>
        <translation>所属区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="56"/>
        <source>Service hotline</source>
        <translation>服务热线</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="57"/>
        <source>Supervision phone</source>
        <translation>监督电话</translation>
    </message>
</context>
<context>
    <name>CompoundDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="98"/>
        <source>Edit compound</source>
        <translation>编辑小区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="98"/>
        <source>New compound</source>
        <translation>新建小区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="104"/>
        <source>e.g. 幸福家园</source>
        <translation>例如 幸福家园</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="110"/>
        <source>e.g. 南方物业公司</source>
        <translation>例如 南方物业公司</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="111"/>
        <source>Compound name</source>
        <translation>小区名称</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="112"/>
        <source>Management</source>
        <translation>管理模式</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="113"/>
        <source>Property company</source>
        <translation>物业服务企业</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/conflict_dialog.py" line="85"/>
        <source>Someone else saved first</source>
        <translation>别人已先保存</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/conflict_dialog.py" line="92"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/conflict_dialog.py" line="92"/>
        <source>Saved by them</source>
        <translation>对方保存的</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/conflict_dialog.py" line="92"/>
        <source>Yours</source>
        <translation>您的修改</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/conflict_dialog.py" line="107"/>
        <source>“Keep my changes” removes it all the same. “Use their version” keeps it as they saved it.</source>
        <translation>“保留我的修改”：仍然删除。“采用对方的版本”：不删除，保留对方保存的内容。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/conflict_dialog.py" line="109"/>
        <source>“Keep my changes” saves yours over theirs. “Use their version” drops your changes to this record and shows what is saved now.</source>
        <translation>“保留我的修改”：用您的内容覆盖对方保存的内容。“采用对方的版本”：放弃您对这条记录的修改，显示现在保存的内容。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/conflict_dialog.py" line="114"/>
        <source>Keep my changes</source>
        <translation>保留我的修改</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/conflict_dialog.py" line="115"/>
        <source>Use their version</source>
        <translation>采用对方的版本</translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <location filename="../../gridkeeper/ui/daily_backup.py" line="78"/>
        <source>Today&apos;s automatic backup failed</source>
        <translation>今天的自动备份没有成功</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/daily_backup.py" line="79"/>
        <source>Automatic backup</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/daily_backup.py" line="80"/>
        <source>Today&apos;s automatic backup could not be made: {0}

Your data is unchanged. Use Data › Back up now to try again, or check the disk.</source>
        <translation>今天的自动备份没有做成：{0}

数据没有受到影响。可以用“数据 › 立即备份”再试一次，或检查磁盘空间。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/daily_backup.py" line="88"/>
        <source>Backed up today at {0}</source>
        <translation>今天 {0} 已自动备份</translation>
    </message>
</context>
<context>
    <name>DataMenu</name>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="123"/>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="130"/>
        <source>Import household roster…</source>
        <translation>导入住户花名册…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="132"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="133"/>
        <source>Back up to a folder (USB stick)…</source>
        <translation>备份到文件夹（U盘）…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="135"/>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="136"/>
        <source>Restore from a backup file…</source>
        <translation>从备份文件恢复…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="138"/>
        <source>Check the database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="140"/>
        <source>Audit trail…</source>
        <translation>审计记录…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="141"/>
        <source>Accounts…</source>
        <translation>账号管理…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="165"/>
        <source>Backing up and checking the copy…</source>
        <translation>正在备份并核验备份文件…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="170"/>
        <source>Backup made</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="171"/>
        <source>The backup was checked and saved:
{0}

Households {1}, residents {2}, visits {3}.</source>
        <translation>备份已核验并保存：
{0}

住户 {1} 户，居民 {2} 人，走访 {3} 次。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="179"/>
        <source>Back up into which folder?</source>
        <translation>备份到哪个文件夹？</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="184"/>
        <source>Choose another folder</source>
        <translation>请换一个文件夹</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="203"/>
        <source>Choose a backup file</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="204"/>
        <source>GridKeeper backups (*.db);;All files (*)</source>
        <translation>网格管家备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="213"/>
        <source>Replace the open database with {0}?

It holds households {1}, residents {2}, visits {3}. The current database is kept as a safety copy first.</source>
        <translation>用 {0} 替换当前数据库吗？

其中有住户 {1}、居民 {2}、走访 {3}。当前数据库会先保存为安全副本。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="219"/>
        <source>Restore from a file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="232"/>
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="233"/>
        <source>Only a community administrator can do this.</source>
        <translation>只有社区管理员才能进行此操作。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="259"/>
        <source>Restored</source>
        <translation>恢复完成</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="260"/>
        <source>Restored the backup of {0}: households {1}, residents {2}, visits {3} — equal to the backup.
The database as it was before is kept as {4}.</source>
        <translation>已恢复 {0} 的备份：住户 {1} 户，居民 {2} 人，走访 {3} 次，与备份一致。
恢复前的数据库已另存为 {4}。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="274"/>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="279"/>
        <source>Check passed</source>
        <translation>检查通过</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="280"/>
        <source>The file is sound, the data is consistent and the audit trail is unbroken.</source>
        <translation>数据库文件完好，数据前后一致，审计记录完整无缺。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="282"/>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="286"/>
        <source>Problems found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="287"/>
        <source>{0} problems were found:</source>
        <translation>发现 {0} 个问题：</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="319"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="324"/>
        <source>Restore the newest good backup</source>
        <translation>从最近一份完好的备份恢复</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="327"/>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
</context>
<context>
    <name>Deadlines</name>
    <message>
        <location filename="../../gridkeeper/ui/widgets/deadlines.py" line="31"/>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/deadlines.py" line="35"/>
        <source>%n day(s) overdue</source>
        <translation>超期 %n 天</translation>
    </message>
</context>
<context>
    <name>DisputeSettingsDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_settings.py" line="18"/>
        <source>Dispute reminders</source>
        <translation>矛盾纠纷提醒</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_settings.py" line="21"/>
        <source>Today lists open disputes with no mediation session for this many days, and agreements whose follow-up visit is due.</source>
        <translation>“今日”列出超过这些天没有调解的未结纠纷，以及到期应回访的调解协议。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_settings.py" line="28"/>
        <location filename="../../gridkeeper/ui/sections/dispute_settings.py" line="32"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_settings.py" line="33"/>
        <source>No session for</source>
        <translation>未调解超过</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_settings.py" line="34"/>
        <source>Follow-up after the outcome</source>
        <translation>调解结果后回访</translation>
    </message>
</context>
<context>
    <name>DisputeView</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="53"/>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="54"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="55"/>
        <source>Address / from</source>
        <translation>住址 / 单位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="58"/>
        <source>Held on</source>
        <translation>调解日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="59"/>
        <source>Mediators</source>
        <translation>调解人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="60"/>
        <source>Agreed</source>
        <translation>达成内容</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="63"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="64"/>
        <source>Of</source>
        <translation>来自</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="64"/>
        <source>request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="64"/>
        <source>dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="65"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="66"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="67"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="74"/>
        <source>Mediation session…</source>
        <translation>登记调解…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="74"/>
        <source>Outcome…</source>
        <translation>调解结果…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="75"/>
        <source>Follow-up…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="75"/>
        <source>Close…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="76"/>
        <source>Mediate again…</source>
        <translation>重新调解…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="76"/>
        <source>Add party…</source>
        <translation>添加当事人…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="77"/>
        <source>Remove party…</source>
        <translation>移除当事人…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="78"/>
        <source>Open household</source>
        <translation>打开住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="78"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="78"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="92"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="92"/>
        <source>Mediation sessions</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="93"/>
        <source>History</source>
        <translation>办理经过</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="118"/>
        <source>Choose a dispute in the list to see its parties, sessions and history.</source>
        <translation>在上面的列表中选择一件纠纷，查看当事人、调解记录和办理经过。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="131"/>
        <source>Take the party chosen in the list off this dispute (a dispute keeps at least one party)</source>
        <translation>把列表中选中的当事人从本纠纷中移除（纠纷至少保留一位当事人）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="136"/>
        <source>Only a dispute nobody has mediated yet goes to the recycle bin; a mediated one stays in the register and is closed instead</source>
        <translation>只有尚未调解的纠纷可以删除（进入回收站）；已调解的纠纷要留在台账中，请改为“结案”</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="148"/>
        <source>risk {0}</source>
        <translation>风险{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="149"/>
        <source>Found {0} by {1} ({2})</source>
        <translation>{0} 由 {1} 发现（{2}）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="155"/>
        <source>Outcome {0}: {1}</source>
        <translation>{0} 调解结果：{1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="158"/>
        <source>held</source>
        <translation>协议履行</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="158"/>
        <source>did not hold</source>
        <translation>协议未履行</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="159"/>
        <source>Followed up {0}: {1}</source>
        <translation>{0} 回访：{1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="162"/>
        <source>Follow-up due {0}</source>
        <translation>应于 {0} 回访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="165"/>
        <source>Closed {0}</source>
        <translation>{0} 结案</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="208"/>
        <source>Move dispute #{0} ({1}) to the recycle bin?</source>
        <translation>把矛盾纠纷 #{0}（{1}）移到回收站？</translation>
    </message>
</context>
<context>
    <name>DisputeWindow</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_view.py" line="227"/>
        <source>Dispute #{0}</source>
        <translation>矛盾纠纷 #{0}</translation>
    </message>
</context>
<context>
    <name>DisputesSection</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="66"/>
        <source>New dispute…</source>
        <translation>登记纠纷…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="67"/>
        <source>Register a dispute found on a round or reported (Ctrl+N)</source>
        <translation>登记走访发现或群众反映的矛盾纠纷（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="77"/>
        <source>Not closed</source>
        <translation>未结案</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="77"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="95"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="96"/>
        <source>Found</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="97"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="98"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="99"/>
        <source>Kind</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="100"/>
        <source>Subject</source>
        <translation>纠纷事由</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="101"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="103"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="104"/>
        <source>Sessions</source>
        <translation>调解次数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="105"/>
        <source>Needs</source>
        <translation>待办</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="111"/>
        <source>no session for %n day(s)</source>
        <translation>
            <numerusform>%n 天未调解</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="113"/>
        <source>follow-up %n day(s) late</source>
        <translation>
            <numerusform>回访超期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="113"/>
        <source>follow-up due today</source>
        <translation>今天应回访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/disputes.py" line="145"/>
        <source>{0} disputes</source>
        <translation>共 {0} 件</translation>
    </message>
</context>
<context>
    <name>EditDisputeDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="202"/>
        <source>Dispute #{0}: edit</source>
        <translation>矛盾纠纷 #{0}：修改</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="208"/>
        <source>What happened, what each side says (optional)</source>
        <translation>经过和双方诉求（可不填）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="210"/>
        <source>Subject</source>
        <translation>纠纷事由</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="211"/>
        <source>Kind</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="212"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="213"/>
        <source>Details</source>
        <translation>情况描述</translation>
    </message>
</context>
<context>
    <name>EditVisitDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_dialog.py" line="25"/>
        <source>Edit visit</source>
        <translation>编辑走访记录</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_dialog.py" line="34"/>
        <source>Steward, leader, member or any name</source>
        <translation>网格员、三长、党员或其他人的姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_dialog.py" line="39"/>
        <source>Someone was home</source>
        <translation>家中有人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_dialog.py" line="42"/>
        <source>What was found, in one line</source>
        <translation>走访发现（一句话）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_dialog.py" line="43"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_dialog.py" line="44"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_dialog.py" line="45"/>
        <source>Visitor</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_dialog.py" line="46"/>
        <source>Kind</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_dialog.py" line="48"/>
        <source>Findings</source>
        <translation>走访发现</translation>
    </message>
</context>
<context>
    <name>EndTenancyDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="187"/>
        <source>End lease</source>
        <translation>结束租约</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="192"/>
        <source>e.g. 租期届满退租、房东收回自住</source>
        <translation>例如 租期届满退租、房东收回自住</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="193"/>
        <source>Ended on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="194"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="23"/>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="106"/>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="135"/>
        <source>Choose the roster file</source>
        <translation>选择花名册文件</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="107"/>
        <source>An Excel, WPS or CSV file with one row per household or one row per person.</source>
        <translation>Excel、WPS 或 CSV 表格，每行一户或每行一人均可。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="109"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="120"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="121"/>
        <source>Import into grid</source>
        <translation>导入到网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="123"/>
        <source>There is no grid yet: create one first in the place tree on the left (right-click the community), then import into it.</source>
        <translation>还没有网格：请先在左侧地点树中新建网格（右键点击社区），再导入到该网格。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="149"/>
        <source>There is no grid {0}. Create it in the place tree first (right-click the community → New grid), with the name to print on ledgers, then import into it.</source>
        <translation>没有网格 {0}。请先在地点树中新建（右键点击社区 → 新建网格），填好要印在台账上的名称，再导入。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="144"/>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="148"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="144"/>
        <source>Please enter the grid to import into.</source>
        <translation>请填写要导入到哪个网格。</translation>
    </message>
</context>
<context>
    <name>FlatTenancy</name>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="54"/>
        <source>Edit lease…</source>
        <translation>修改租约…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="56"/>
        <source>End lease…</source>
        <translation>结束租约…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="58"/>
        <source>Delete lease…</source>
        <translation>删除租约…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="59"/>
        <source>A lease registered by mistake goes to the recycle bin (数据 › 回收站)</source>
        <translation>误登记的租约移入回收站（数据 › 回收站）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="61"/>
        <source>New lease…</source>
        <translation>新租约…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="66"/>
        <source>Add tenant…</source>
        <translation>添加租户…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="68"/>
        <source>Edit tenant…</source>
        <translation>修改租户…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="70"/>
        <source>Tenant moved out…</source>
        <translation>租户搬离…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="73"/>
        <source>Lease</source>
        <translation>租期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="74"/>
        <source>Landlord</source>
        <translation>房东</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="75"/>
        <source>Let for</source>
        <translation>出租用途</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="76"/>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="77"/>
        <source>in force</source>
        <translation>在租</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="83"/>
        <source>Register a lease…</source>
        <translation>登记租约…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="84"/>
        <source>Register this flat&apos;s lease: landlord, term, use, safety letter</source>
        <translation>登记这一户的租约：房东、租期、出租用途、治安消防责任书</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="92"/>
        <source>moved out {0}</source>
        <translation>{0} 搬离</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="94"/>
        <source>permit expired</source>
        <translation>居住证已过期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="95"/>
        <source>no permit yet</source>
        <translation>未办居住证</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="101"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="102"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="103"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="104"/>
        <source>From</source>
        <translation>户籍地（来自）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="105"/>
        <source>Arrived</source>
        <translation>来本地日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="106"/>
        <source>Workplace</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="107"/>
        <source>Permit</source>
        <translation>居住证号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="108"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="112"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="120"/>
        <source>Tenants (those who moved out stay listed, greyed)</source>
        <translation>租户（已搬离的仍列出，灰色显示）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="170"/>
        <source>Choose a rented flat above, or register one.</source>
        <translation>请在上方选择出租房屋，或登记新的出租房屋。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="171"/>
        <source>Save the household first; then its lease can be registered here.</source>
        <translation>请先保存住户，再在这里登记租约。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="173"/>
        <source>This flat is not registered as let: no lease, no tenants.
Registering a lease marks it 出租.</source>
        <translation>这一户没有出租登记：没有租约，也没有租户。
登记租约后，房屋用途改为“出租”。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="190"/>
        <source>no lease in force</source>
        <translation>没有在租的租约</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="191"/>
        <source>safety letter not signed</source>
        <translation>治安消防责任书未签订</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="192"/>
        <source>safety letter signed {0}</source>
        <translation>治安消防责任书已于 {0} 签订</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="193"/>
        <source>safety letter signed</source>
        <translation>治安消防责任书已签订</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="195"/>
        <source>landlord {0}</source>
        <translation>房东 {0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="197"/>
        <source>lease {0}</source>
        <translation>租期 {0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="198"/>
        <source>let for {0}</source>
        <translation>用途 {0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="200"/>
        <source>{0} room(s) let</source>
        <translation>出租 {0} 间</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/flat_panel.py" line="239"/>
        <source>Move this lease (landlord {0}) into the recycle bin? Its tenants stay registered with the flat; the lease can be restored from 数据 › 回收站.</source>
        <translation>将这份租约（房东 {0}）移入回收站吗？租户仍登记在该房屋；租约可在“数据 › 回收站”中恢复。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="341"/>
        <source>Dispute #{0}: follow-up</source>
        <translation>矛盾纠纷 #{0}：回访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="345"/>
        <source>The agreement held (the dispute is closed)</source>
        <translation>协议已履行（纠纷结案）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="347"/>
        <source>What was found; required when it did not hold</source>
        <translation>回访情况；协议未履行时必填</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="348"/>
        <source>Visited on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="350"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../gridkeeper/ui/widgets/forms.py" line="20"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
</context>
<context>
    <name>FromRequestDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="394"/>
        <source>Request #{0}: turn into a dispute</source>
        <translation>诉求 #{0}：转为矛盾纠纷</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="396"/>
        <source>The request is closed as handed to mediation; its history stays readable from the dispute.
{0}</source>
        <translation>诉求将以“转交调解”办结，办理经过在矛盾纠纷中仍可查看。
{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="403"/>
        <source>Kind</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="404"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="405"/>
        <source>Other party (optional)</source>
        <translation>另一方当事人（可不填）</translation>
    </message>
</context>
<context>
    <name>GridDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="72"/>
        <source>Edit grid</source>
        <translation>编辑网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="72"/>
        <source>New grid</source>
        <translation>新建网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="78"/>
        <source>e.g. FK-03</source>
        <translation>例如 FK-03</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="79"/>
        <source>e.g. 第三网格</source>
        <translation>例如 第三网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="82"/>
        <source>Grid code</source>
        <translation>网格编码</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="83"/>
        <source>Grid name</source>
        <translation>网格名称</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="84"/>
        <source>Steward</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="85"/>
        <source>Steward&apos;s phone</source>
        <translation>网格员电话</translation>
    </message>
</context>
<context>
    <name>GridsPage</name>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="80"/>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="81"/>
        <source>One row per grid. The code is short (FK-01); the name is printed on ledgers (第一网格). Grids can be added, renamed or removed later in the place tree.</source>
        <translation>每行一个网格。编码要简短（如 FK-01），名称印在台账上（如 第一网格）。以后可以在地点树中添加、改名或删除网格。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="84"/>
        <source>Save and continue</source>
        <translation>保存并继续</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="86"/>
        <source>Grid code</source>
        <translation>网格编码</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="86"/>
        <source>Grid name</source>
        <translation>网格名称</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="86"/>
        <source>Steward</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="87"/>
        <source>Steward&apos;s phone</source>
        <translation>网格员电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="89"/>
        <source>Add grid</source>
        <translation>添加网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="89"/>
        <source>Remove grid</source>
        <translation>删除网格</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <location filename="../../gridkeeper/ui/help_guide.py" line="23"/>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/help_guide.py" line="32"/>
        <source>The user guide is missing from this installation: {0}</source>
        <translation>这个安装里缺少使用说明文件：{0}</translation>
    </message>
</context>
<context>
    <name>HazardEditDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="257"/>
        <source>Correct hazard #{0}</source>
        <translation>更正隐患 #{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="275"/>
        <source>Found {0}; status {1}</source>
        <translation>{0} 发现；当前状态：{1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="277"/>
        <source>Found</source>
        <translation>发现</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="278"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="279"/>
        <source>What exactly</source>
        <translation>具体情况</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="280"/>
        <source>Level</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="281"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="282"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="283"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="284"/>
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
</context>
<context>
    <name>HazardStepDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="301"/>
        <source>Hazard #{0}: {1}</source>
        <translation>隐患 #{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="306"/>
        <source>{0} → {1}: {2}</source>
        <translation>{0} → {1}：{2}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="315"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="316"/>
        <source>Print the rectification notice (整改通知单) now</source>
        <translation>现在打印整改通知单</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="322"/>
        <source>What was done, e.g. 已清理楼道堆物</source>
        <translation>怎样整改的，例如：已清理楼道堆物</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="324"/>
        <source>Rectification</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="327"/>
        <source>Re-inspected by</source>
        <translation>复查人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="332"/>
        <source>Escalate to</source>
        <translation>上报单位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="335"/>
        <source>Required: why this step is taken</source>
        <translation>必填：说明原因</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="336"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="338"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>HazardTodayBox</name>
    <message>
        <location filename="../../gridkeeper/ui/hazards/today_box.py" line="36"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/today_box.py" line="40"/>
        <source>Place</source>
        <translation>场所 / 地点</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/today_box.py" line="41"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/today_box.py" line="43"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/today_box.py" line="44"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/today_box.py" line="37"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/today_box.py" line="60"/>
        <source>Hazards due for rectification today or overdue ({0})</source>
        <translation>今天到期或超期未整改的隐患（{0}）</translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="45"/>
        <source>Save the rectification notice</source>
        <translation>保存整改通知单</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="46"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="254"/>
        <source>Filter: hazard, place, responsible person or No.</source>
        <translation>筛选：隐患、场所、责任人或编号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="263"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="264"/>
        <source>Found</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="265"/>
        <source>Place</source>
        <translation>场所 / 地点</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="266"/>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="297"/>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="368"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="267"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="269"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="270"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="271"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="272"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="284"/>
        <source>Open</source>
        <translation>未销号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="284"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="284"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="296"/>
        <source>late</source>
        <translation>逾期整改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gridkeeper/ui/hazards/section.py" line="296"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>还剩 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="297"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="297"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="300"/>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="363"/>
        <source>Notify (print notice)…</source>
        <translation>下发整改通知（打印通知单）…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="300"/>
        <source>Rectified…</source>
        <translation>已整改…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="301"/>
        <source>Re-inspected, close…</source>
        <translation>复查销号…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="301"/>
        <source>Escalate…</source>
        <translation>上报…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="304"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="305"/>
        <source>Correct what was recorded: item, level, deadline, who is responsible</source>
        <translation>更正登记的内容：检查项、隐患等级、整改期限、责任人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="307"/>
        <source>Print notice…</source>
        <translation>打印通知单…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="309"/>
        <source>Open household</source>
        <translation>打开住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="337"/>
        <source>{0} hazards</source>
        <translation>共 {0} 条隐患</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="362"/>
        <source>Failed re-inspection, notify again…</source>
        <translation>复查不合格，重新通知…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="369"/>
        <source>Choose a hazard in the list to see its history and next step.</source>
        <translation>在列表中选一条隐患，查看整改过程和下一步。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="371"/>
        <source>Hazard #{0} · {1}</source>
        <translation>隐患 #{0} · {1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="375"/>
        <source>Found {0}, deadline {1}</source>
        <translation>{0} 发现，整改期限 {1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="376"/>
        <source>Responsible: {0}</source>
        <translation>责任人：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="377"/>
        <source>Rectification: {0}</source>
        <translation>整改情况：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="378"/>
        <source>Re-inspected by: {0}</source>
        <translation>复查人：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="380"/>
        <source>Escalated: {0}</source>
        <translation>已上报：{0}</translation>
    </message>
</context>
<context>
    <name>HazardsSection</name>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="448"/>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="449"/>
        <source>Places</source>
        <translation>检查场所</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="70"/>
        <location filename="../../gridkeeper/ui/households/editor.py" line="359"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="70"/>
        <source>New household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="86"/>
        <source>e.g. 301</source>
        <translation>例如 301</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="94"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="95"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="96"/>
        <source>Housing use</source>
        <translation>房屋用途</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="97"/>
        <source>Household phone</source>
        <translation>户联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="98"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="122"/>
        <source>&lt;b&gt;Residents&lt;/b&gt; (double-click the care tags cell to choose tags)</source>
        <translation>&lt;b&gt;家庭成员&lt;/b&gt;（双击“关爱标签”格选择标签）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="124"/>
        <source>Add resident</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="125"/>
        <source>Remove resident</source>
        <translation>移除成员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="46"/>
        <location filename="../../gridkeeper/ui/households/editor.py" line="141"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="42"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="43"/>
        <source>This household has changes that are not saved yet. Save them?</source>
        <translation>这一户有修改还没有保存。要保存吗？</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="47"/>
        <source>Don&apos;t save</source>
        <translation>不保存</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="49"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="103"/>
        <source>Residents</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="105"/>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="106"/>
        <source>Requests</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="110"/>
        <location filename="../../gridkeeper/ui/households/editor.py" line="381"/>
        <source>Tenancy</source>
        <translation>出租与租户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="143"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="144"/>
        <source>Delete household…</source>
        <translation>删除住户…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="147"/>
        <source>Create a building…</source>
        <translation>新建楼栋…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="151"/>
        <source>Log a visit…</source>
        <translation>记录走访…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="152"/>
        <source>Close this window and log a visit to this household in Visits</source>
        <translation>关闭本窗口，到“走访”里为这户记录一次走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="153"/>
        <source>New request…</source>
        <translation>新建诉求…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="183"/>
        <source>There is no unit to register a household in yet. Households live in units of buildings: create a compound and a building first (its units and rooms can be laid out in one step).</source>
        <translation>还没有可以登记住户的单元。住户登记在楼栋的单元里：请先新建小区和楼栋（可以一步生成单元和房间）。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="253"/>
        <source>Resident {0}, {1}: {2}</source>
        <translation>第{0}位成员的{1}：{2}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="267"/>
        <source>Choose the unit from the list</source>
        <translation>请从列表中选择单元</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="365"/>
        <source>Saved. Please check:
{0}</source>
        <translation>已保存。请核对：
{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="376"/>
        <source>Visits ({0})</source>
        <translation>走访记录（{0}）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="377"/>
        <source>Requests ({0})</source>
        <translation>诉求（{0}）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="380"/>
        <source>Tenancy ({0})</source>
        <translation>出租与租户 ({0})</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="445"/>
        <source>Delete household</source>
        <translation>删除住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="446"/>
        <source>Delete this household with its residents, visits and requests?
It can be restored from the recycle bin.</source>
        <translation>删除这一户及其家庭成员、走访和诉求记录？
删除后可在回收站中恢复。</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="46"/>
        <source>Name, pinyin initials, phone or address such as 7-2-301</source>
        <translation>姓名、拼音首字母、电话或地址（如 7-2-301）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="119"/>
        <source>[elsewhere: {0}]</source>
        <translation>〔其他网格 {0}〕</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="126"/>
        <source>{0} matches, showing the first {1}: type more to narrow them</source>
        <translation>共 {0} 条，显示前 {1} 条：多输入几个字可缩小范围</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="183"/>
        <source>No household chosen</source>
        <translation>尚未选择住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="185"/>
        <source>last visit {0}</source>
        <translation>最近走访 {0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="186"/>
        <source>never visited</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="187"/>
        <source>(no residents)</source>
        <translation>（无成员）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="195"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="196"/>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="212"/>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="241"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="197"/>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="213"/>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="221"/>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="242"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
</context>
<context>
    <name>HouseholdRecord</name>
    <message>
        <location filename="../../gridkeeper/ui/households/history.py" line="34"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/history.py" line="35"/>
        <source>Visitor</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/history.py" line="36"/>
        <source>Kind</source>
        <translation>走访类型</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/history.py" line="37"/>
        <source>Home</source>
        <translation>家中有人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/history.py" line="37"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/history.py" line="37"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/history.py" line="38"/>
        <source>Findings</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/history.py" line="41"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/history.py" line="42"/>
        <source>Raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/history.py" line="43"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/history.py" line="44"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/history.py" line="45"/>
        <source>Deadline</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/history.py" line="46"/>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="19"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="20"/>
        <source>Building and unit</source>
        <translation>楼栋单元</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="21"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="22"/>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="23"/>
        <source>Residents</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="24"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="25"/>
        <source>Head&apos;s ID number</source>
        <translation>户主身份证号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="26"/>
        <source>Housing use</source>
        <translation>房屋用途</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="27"/>
        <source>Care tags</source>
        <translation>关爱标签</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="28"/>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="114"/>
        <source>Never</source>
        <translation>从未走访</translation>
    </message>
</context>
<context>
    <name>HouseholdsSection</name>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="32"/>
        <source>Household list</source>
        <translation>住户列表</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="35"/>
        <source>Building visit matrix</source>
        <translation>楼栋走访图</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="75"/>
        <source>All households</source>
        <translation>全部住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="76"/>
        <source>Any care tag</source>
        <translation>任一关爱标签</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="80"/>
        <source>Any housing use</source>
        <translation>全部用途</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="86"/>
        <source>any time</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="87"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="89"/>
        <source>New household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="90"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="93"/>
        <source>Care:</source>
        <translation>关爱：</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="93"/>
        <source>Housing use:</source>
        <translation>房屋用途：</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="94"/>
        <source>Not visited in:</source>
        <translation>未走访超过：</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="114"/>
        <source>{0} households</source>
        <translation>共 {0} 户</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="309"/>
        <source>Import household roster</source>
        <translation>导入住户花名册</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="323"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="344"/>
        <source>Checking the rows…</source>
        <translation>正在逐行核对…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="366"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="370"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="110"/>
        <source>What exactly (optional)</source>
        <translation>具体情况（可不填）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="144"/>
        <source>Inspect {0}</source>
        <translation>检查 {0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="144"/>
        <source>Inspect a building</source>
        <translation>整栋楼检查</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="159"/>
        <source>last inspected {0}</source>
        <translation>上次检查 {0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="160"/>
        <source>never inspected</source>
        <translation>从未检查</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="167"/>
        <source>Who inspected, e.g. 李晓燕、张伟</source>
        <translation>检查人，例如：李晓燕、张伟</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="168"/>
        <source>Checklist: tick each item where a hazard was found</source>
        <translation>检查项目：发现隐患的项目打勾</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="170"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="170"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="170"/>
        <source>What exactly</source>
        <translation>具体情况</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="171"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="175"/>
        <source>Another hazard not on the list (optional)</source>
        <translation>清单以外的其他隐患（可不填）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="189"/>
        <source>Place</source>
        <translation>场所 / 地点</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="191"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="192"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="193"/>
        <source>Inspectors</source>
        <translation>检查人</translation>
    </message>
</context>
<context>
    <name>LayoutDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="203"/>
        <source>Lay out units and rooms</source>
        <translation>生成单元和房间</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="213"/>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="214"/>
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="215"/>
        <source>Rooms a floor</source>
        <translation>每层户数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="216"/>
        <source>Rooms are numbered by floor (101, 102 … 1802) and marked vacant until someone is registered. Units and rooms that already exist are kept as they are.</source>
        <translation>房间按楼层编号（101、102……1802），登记居民之前标为“空置”。已有的单元和房间保持不变。</translation>
    </message>
</context>
<context>
    <name>LeaderPhotoDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="131"/>
        <source>Photo of {0}, {1}: {2}</source>
        <translation>{0}的照片（{1}：{2}）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="137"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="138"/>
        <source>The photo is printed on the wall roster beside the name and phone. It is kept only while this term lasts: ending the term deletes it.</source>
        <translation>照片印在楼栋长公示牌上，位于姓名和电话旁边。照片只在本届任期内保存：任期结束时自动删除。</translation>
    </message>
</context>
<context>
    <name>LeadersSection</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="29"/>
        <source>Only vacant posts</source>
        <translation>只看空缺</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="32"/>
        <source>All posts</source>
        <translation>全部岗位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="37"/>
        <source>Assign…</source>
        <translation>任命…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="39"/>
        <source>End term…</source>
        <translation>卸任…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="41"/>
        <source>Photo…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="42"/>
        <source>The leader&apos;s photo on the wall roster</source>
        <translation>公示牌上的三长照片</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="46"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="47"/>
        <source>Place</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="48"/>
        <source>Leader</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="48"/>
        <source>vacant</source>
        <translation>空缺</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="50"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="51"/>
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="51"/>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="54"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="53"/>
        <source>Term</source>
        <translation>任期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="54"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="56"/>
        <source>Pledge</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="96"/>
        <source>{0} posts, {1} vacant</source>
        <translation>共 {0} 个岗位，空缺 {1} 个</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="162"/>
        <source>End {0}&apos;s term as {1} of {2} today? The post becomes vacant.</source>
        <translation>今天结束{0}的{2}{1}任期？该岗位将变为空缺。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="165"/>
        <source>Their photo for the wall roster is deleted.</source>
        <translation>其公示牌照片将同时删除。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="38"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="39"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="40"/>
        <source>Households</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="42"/>
        <source>Leaders</source>
        <translation>三长</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="44"/>
        <source>Members</source>
        <translation>在职党员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="46"/>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="47"/>
        <source>Requests</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="49"/>
        <source>Disputes</source>
        <translation>矛盾纠纷</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="51"/>
        <source>Safety hazards</source>
        <translation>安全隐患</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="53"/>
        <source>Print &amp; export</source>
        <translation>打印与导出</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="55"/>
        <source>Boards</source>
        <translation>考核评比</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="56"/>
        <source>Rented housing</source>
        <translation>出租房屋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="81"/>
        <source>GridKeeper — community grid work</source>
        <translation>网格管家 — 社区网格工作台</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="85"/>
        <source>Database: {0}    Today: {1}</source>
        <translation>数据库：{0}    今天：{1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="86"/>
        <source>in memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="91"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="134"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="135"/>
        <source>New household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="136"/>
        <source>Recycle bin…</source>
        <translation>回收站…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="137"/>
        <source>Import household roster…</source>
        <translation>导入住户花名册…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="139"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="140"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="141"/>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="142"/>
        <source>Delete household (Del in the list)</source>
        <translation>删除住户（列表中按 Del）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="143"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="149"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="150"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="151"/>
        <source>Community details…</source>
        <translation>社区信息…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="152"/>
        <source>Dispute reminders…</source>
        <translation>矛盾纠纷提醒…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="153"/>
        <location filename="../../gridkeeper/ui/main_window.py" line="306"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="162"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="163"/>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="164"/>
        <location filename="../../gridkeeper/ui/main_window.py" line="310"/>
        <source>About GridKeeper</source>
        <translation>关于网格管家</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="216"/>
        <source>Section unavailable</source>
        <translation>此栏目暂不可用</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="217"/>
        <source>This section could not be opened: {0}</source>
        <translation>无法打开此栏目：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="271"/>
        <source>Delete household</source>
        <translation>删除住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="272"/>
        <source>Delete this household with its residents, visits and requests?
It can be restored from the recycle bin.</source>
        <translation>删除这一户及其家庭成员、走访和诉求记录？
删除后可在回收站中恢复。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="307"/>
        <source>The new language is used from the next start of GridKeeper.</source>
        <translation>新的界面语言将在下次启动后生效。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="311"/>
        <source>GridKeeper {0}
Offline desk software for community grid stewards.</source>
        <translation>网格管家 {0}
供社区网格员离线使用的工作软件。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="165"/>
        <source>Header and columns</source>
        <translation>表头和列</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="166"/>
        <source>Check which row holds the column names and what each column is.</source>
        <translation>请核对哪一行是表头（列名），以及每一列对应的内容。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="172"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="172"/>
        <source>Imports as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="175"/>
        <source>Header row (as numbered in Excel)</source>
        <translation>表头所在行（按 Excel 中的行号）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="199"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="218"/>
        <source>Layout: one row per person, grouped into households by address</source>
        <translation>格式：每行一人，按地址归并成户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="219"/>
        <source>Layout: one row per household (the head of household)</source>
        <translation>格式：每行一户（户主）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="227"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="38"/>
        <source>Edit member</source>
        <translation>编辑党员信息</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="38"/>
        <source>Register an in-service member</source>
        <translation>在职党员报到登记</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="47"/>
        <source>Where they work</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="48"/>
        <source>The Party branch they belong to at work</source>
        <translation>所在单位党组织</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="56"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="57"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="58"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="59"/>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="60"/>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="61"/>
        <source>Own Party organisation</source>
        <translation>所在党组织</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="62"/>
        <source>Home (if living here)</source>
        <translation>住址（如住本社区）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="63"/>
        <source>Registered on</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="64"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="65"/>
        <source>Claimed post</source>
        <translation>认领岗位</translation>
    </message>
</context>
<context>
    <name>MembersSection</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="50"/>
        <source>Show withdrawn</source>
        <translation>显示已退出的</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="54"/>
        <source>Register…</source>
        <translation>报到登记…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="55"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="56"/>
        <source>Withdraw…</source>
        <translation>退出…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="57"/>
        <source>Record service…</source>
        <translation>记录服务…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="62"/>
        <source>One activity for many members at once</source>
        <translation>一次活动，多名党员一并登记</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="65"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="66"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="67"/>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="68"/>
        <source>Own Party organisation</source>
        <translation>所在党组织</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="69"/>
        <location filename="../../gridkeeper/ui/sections/members.py" line="79"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="70"/>
        <source>Claimed post</source>
        <translation>认领岗位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="71"/>
        <source>Registered</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="72"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="73"/>
        <location filename="../../gridkeeper/ui/sections/members.py" line="82"/>
        <source>Services</source>
        <translation>服务次数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="74"/>
        <location filename="../../gridkeeper/ui/sections/members.py" line="83"/>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="76"/>
        <location filename="../../gridkeeper/ui/sections/members.py" line="84"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="79"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="80"/>
        <source>Members</source>
        <translation>在职党员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="81"/>
        <source>Served</source>
        <translation>参加服务</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="94"/>
        <source>{0}, first half</source>
        <translation>{0}年上半年</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="94"/>
        <source>{0}, second half</source>
        <translation>{0}年下半年</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="100"/>
        <source>Service in</source>
        <translation>服务期间</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="102"/>
        <source>Totals per grid</source>
        <translation>各网格合计</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="130"/>
        <source>{0} members, {1} without service this half-year</source>
        <translation>共 {0} 名党员，本半年未参加服务 {1} 名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="171"/>
        <source>Withdraw {0} from the community&apos;s register today?</source>
        <translation>今天将{0}从社区报到名册中退出？</translation>
    </message>
</context>
<context>
    <name>MoveBuildingDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="249"/>
        <source>Move building</source>
        <translation>移动楼栋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="257"/>
        <source>To grid</source>
        <translation>移到网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="258"/>
        <source>In compound</source>
        <translation>所属小区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="259"/>
        <source>Its units, households, visits, requests and leader posts move with {0}.</source>
        <translation>{0}的单元、住户、走访、诉求和三长任职随楼栋一起移动。</translation>
    </message>
</context>
<context>
    <name>MoveOutDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="282"/>
        <source>Tenant moved out: {0}</source>
        <translation>租户搬离：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="286"/>
        <source>Moved out on</source>
        <translation>搬离日期</translation>
    </message>
</context>
<context>
    <name>NewDisputeDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="127"/>
        <source>New dispute</source>
        <translation>登记矛盾纠纷</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="132"/>
        <source>What the dispute is about, in one line</source>
        <translation>一句话写明纠纷事由</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="139"/>
        <source>What happened, what each side says (optional)</source>
        <translation>经过和双方诉求（可不填）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="143"/>
        <source>Add this party</source>
        <translation>添加这位当事人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="146"/>
        <source>The grid of the first party&apos;s household</source>
        <translation>按第一位当事人所在住户的网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="152"/>
        <source>Subject</source>
        <translation>纠纷事由</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="153"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="156"/>
        <source>Kind</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="157"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="158"/>
        <source>Found through</source>
        <translation>发现途径</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="159"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="160"/>
        <source>Found by</source>
        <translation>发现人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="161"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="162"/>
        <source>Details</source>
        <translation>情况描述</translation>
    </message>
</context>
<context>
    <name>NewRequestDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="38"/>
        <source>New request</source>
        <translation>新诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="47"/>
        <source>What the resident asks for, in their words</source>
        <translation>居民反映的内容（尽量用原话）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="55"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="56"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="57"/>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="58"/>
        <source>Raised on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="59"/>
        <source>Deadline</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="75"/>
        <source>Choose the household the request comes from</source>
        <translation>请选择提出诉求的住户</translation>
    </message>
</context>
<context>
    <name>NextStepPage</name>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="171"/>
        <source>How do you want to start?</source>
        <translation>从哪里开始？</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="172"/>
        <source>The community and its grids are saved. Choose how to enter the households.</source>
        <translation>社区和网格已保存。请选择如何录入住户。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="177"/>
        <source>Import a household roster</source>
        <translation>导入住户花名册</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="178"/>
        <source>From the Excel, WPS or CSV list you already keep: the import checks every row first.</source>
        <translation>用您已有的 Excel、WPS 或 CSV 名单；导入前会逐行检查。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="179"/>
        <source>Enter compounds and buildings by hand</source>
        <translation>手工录入小区和楼栋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="180"/>
        <source>Create a compound and a building; its units and rooms are laid out in one step.</source>
        <translation>新建小区和楼栋，一步生成单元和房间。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="181"/>
        <source>Look around in demo data first</source>
        <translation>先看看演示数据</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="182"/>
        <source>Opens a separate demo file ({0}) with made-up households; your community&apos;s data stays untouched.</source>
        <translation>打开一个单独的演示文件（{0}），里面是虚构的住户；您社区的数据不受影响。</translation>
    </message>
</context>
<context>
    <name>NoticeEditor</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/notice_editor.py" line="19"/>
        <source>Notice template</source>
        <translation>通知模板</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/notice_editor.py" line="30"/>
        <source>Blank: the community&apos;s residents&apos; committee</source>
        <translation>留空则为本社区居民委员会</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/notice_editor.py" line="32"/>
        <source>Blank: the day it is printed</source>
        <translation>留空则为打印当天</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/notice_editor.py" line="34"/>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/notice_editor.py" line="34"/>
        <source>Shown as</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/notice_editor.py" line="35"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/notice_editor.py" line="35"/>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/notice_editor.py" line="36"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/notice_editor.py" line="36"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/notice_editor.py" line="37"/>
        <source>Issued by</source>
        <translation>落款单位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/notice_editor.py" line="37"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/notice_editor.py" line="39"/>
        <source>Placeholders filled for each building: {0}</source>
        <translation>按楼栋自动填写的占位符：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/notice_editor.py" line="44"/>
        <source>Delete my template</source>
        <translation>删除我的模板</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/notice_editor.py" line="68"/>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="307"/>
        <source>Dispute #{0}: outcome</source>
        <translation>矛盾纠纷 #{0}：调解结果</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="315"/>
        <source>Required when mediation failed: what happens next</source>
        <translation>调解未成功时必填：后续去向</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="316"/>
        <source>Outcome</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="317"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="318"/>
        <source>Referred to</source>
        <translation>转交单位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="319"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>OverviewSection</name>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="125"/>
        <source>Requests by status</source>
        <translation>诉求办理状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="125"/>
        <location filename="../../gridkeeper/ui/overview.py" line="220"/>
        <source>requests</source>
        <translation>件</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="218"/>
        <source>Requests by category</source>
        <translation>诉求类别分布</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="127"/>
        <source>Member service hours by month</source>
        <translation>在职党员每月服务时长（小时）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="111"/>
        <source>Whole community</source>
        <translation>全社区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="118"/>
        <source>Overview of {0}</source>
        <translation>概览：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="129"/>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="140"/>
        <source>Households</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="141"/>
        <source>Residents</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="142"/>
        <source>Care households</source>
        <translation>关爱对象户数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="143"/>
        <source>Visited this month</source>
        <translation>本月已走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="144"/>
        <source>Open requests</source>
        <translation>在办诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="145"/>
        <source>Overdue requests</source>
        <translation>超期诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="146"/>
        <source>Resolved on time</source>
        <translation>按期办结率</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="147"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="148"/>
        <source>Grids / buildings</source>
        <translation>网格 / 楼栋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="149"/>
        <source>Leaders in post</source>
        <translation>在任三长</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="150"/>
        <source>Active members</source>
        <translation>报到党员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="151"/>
        <source>Visits recorded</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="203"/>
        <source>Visit coverage this month: the {0} lowest</source>
        <translation>本月走访覆盖率最低的 {0} 个</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="205"/>
        <source>Visit coverage this month by grid</source>
        <translation>本月各网格走访覆盖率</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="206"/>
        <source>Visit coverage this month by building</source>
        <translation>本月各楼栋走访覆盖率</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="209"/>
        <source>Visited %</source>
        <translation>已走访 %</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="260"/>
        <source>Residents&apos; ratings — {0:.1f}% resolved on time ({1} of {2})</source>
        <translation>居民评价 — 按期办结 {0:.1f}%（{2} 件中 {1} 件）</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="238"/>
        <source>Add a party</source>
        <translation>添加当事人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="241"/>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="246"/>
        <source>Choose a resident or household, or type the name</source>
        <translation>请选择居民或住户，或填写姓名</translation>
    </message>
</context>
<context>
    <name>PartyPicker</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="46"/>
        <source>Resident of the community</source>
        <translation>本社区居民</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="47"/>
        <source>Someone from outside</source>
        <translation>外来人员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="64"/>
        <source>Name (and role, e.g. 刘强（装修队负责人）)</source>
        <translation>姓名（可注明身份，如 刘强（装修队负责人））</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="65"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="66"/>
        <source>ID number (optional)</source>
        <translation>身份证号（可不填）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="67"/>
        <source>Where from / work unit (optional)</source>
        <translation>住址或单位（可不填）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="88"/>
        <source>(choose a household first)</source>
        <translation>（先选择住户）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="95"/>
        <source>The whole household</source>
        <translation>整户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="111"/>
        <source>{0} (from outside)</source>
        <translation>{0}（外来人员）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="112"/>
        <source>whole household</source>
        <translation>整户</translation>
    </message>
</context>
<context>
    <name>PhotoCropDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/widgets/photo_crop.py" line="104"/>
        <source>Frame the photo</source>
        <translation>裁剪照片</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/photo_crop.py" line="116"/>
        <source>Drag the frame over the face; the slider or the mouse wheel zooms. Only what is inside the frame is kept.</source>
        <translation>拖动方框框住面部，用滑块或鼠标滚轮缩放。只保存方框内的部分。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/photo_crop.py" line="120"/>
        <source>On the wall roster:</source>
        <translation>公示牌上的效果：</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/photo_crop.py" line="127"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
</context>
<context>
    <name>PhotoField</name>
    <message>
        <location filename="../../gridkeeper/ui/widgets/photo_field.py" line="24"/>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/photo_field.py" line="42"/>
        <source>Choose photo…</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/photo_field.py" line="44"/>
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/photo_field.py" line="46"/>
        <source>JPEG or PNG, any size; printed beside the name on the wall roster.</source>
        <translation>JPEG 或 PNG 照片，大小不限；印在公示牌上姓名旁边。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/photo_field.py" line="108"/>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
</context>
<context>
    <name>PlaceActions</name>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="51"/>
        <source>Community details…</source>
        <translation>社区信息…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="53"/>
        <source>New grid…</source>
        <translation>新建网格…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="54"/>
        <source>New compound…</source>
        <translation>新建小区…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="55"/>
        <source>New building…</source>
        <translation>新建楼栋…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="57"/>
        <source>Edit grid…</source>
        <translation>编辑网格…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="58"/>
        <source>New building in this grid…</source>
        <translation>在本网格新建楼栋…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="60"/>
        <source>Delete grid…</source>
        <translation>删除网格…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="63"/>
        <source>Edit compound…</source>
        <translation>编辑小区…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="64"/>
        <source>New building in this compound…</source>
        <translation>在本小区新建楼栋…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="67"/>
        <source>Delete compound…</source>
        <translation>删除小区…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="69"/>
        <source>Edit building…</source>
        <translation>编辑楼栋…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="70"/>
        <source>Lay out units and rooms…</source>
        <translation>生成单元和房间…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="71"/>
        <source>New unit…</source>
        <translation>新建单元…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="72"/>
        <source>Move to another grid…</source>
        <translation>移到其他网格…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="74"/>
        <source>Delete building…</source>
        <translation>删除楼栋…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="75"/>
        <source>Rename unit…</source>
        <translation>单元改名…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="77"/>
        <source>Delete unit…</source>
        <translation>删除单元…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="93"/>
        <location filename="../../gridkeeper/ui/place_menu.py" line="108"/>
        <source>Only a community administrator or this grid&apos;s steward can change this.</source>
        <translation>只有社区管理员或本网格的网格员可以修改这一项。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_menu.py" line="168"/>
        <source>Delete {0}? Its units and unregistered rooms go with it; it can be restored from the recycle bin (File › Recycle bin).</source>
        <translation>删除{0}？其中的单元和未登记的房间一并删除；可以从回收站恢复（文件 › 回收站）。</translation>
    </message>
</context>
<context>
    <name>PlaceDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="45"/>
        <source>Edit place</source>
        <translation>修改场所</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="45"/>
        <source>New place</source>
        <translation>登记场所</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="64"/>
        <source>Street frontage (幸福路12号), or where in the building</source>
        <translation>沿街门面（如幸福路12号），或楼内位置</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="67"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="68"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="69"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="70"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="71"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="72"/>
        <source>Person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="73"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="85"/>
        <source>(none: a street frontage)</source>
        <translation>（无：沿街门面）</translation>
    </message>
</context>
<context>
    <name>PlaceTree</name>
    <message>
        <location filename="../../gridkeeper/ui/nav_tree.py" line="39"/>
        <source>Places</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/nav_tree.py" line="59"/>
        <source>Whole community</source>
        <translation>全社区</translation>
    </message>
</context>
<context>
    <name>PlacesPage</name>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="56"/>
        <source>Import places</source>
        <translation>导入检查场所</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="57"/>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv)</source>
        <translation>表格文件 (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="76"/>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="81"/>
        <source>Filter: name, address or person in charge</source>
        <translation>筛选：名称、地址或负责人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="87"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="88"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="89"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="90"/>
        <source>Person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="91"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="92"/>
        <source>Last inspected</source>
        <translation>最近检查</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="93"/>
        <source>never</source>
        <translation>从未检查</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="99"/>
        <source>New place…</source>
        <translation>登记场所…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="100"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="101"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="102"/>
        <source>Checklists…</source>
        <translation>检查清单…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="103"/>
        <source>The items inspected at each kind of place</source>
        <translation>各类场所的检查项目</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="105"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="106"/>
        <source>Import places from a spreadsheet (店名、业态、地址、经营者、电话 …)</source>
        <translation>从表格导入检查场所（店名、业态、地址、经营者、电话……）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="108"/>
        <source>Inspect…</source>
        <translation>检查…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="109"/>
        <source>Record an inspection of the selected place with its checklist</source>
        <translation>按检查清单记录对所选场所的一次检查</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="110"/>
        <source>Inspect a building…</source>
        <translation>整栋楼检查…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="111"/>
        <source>Record an inspection of a whole building&apos;s shared spaces (stairwells, basement, bike shed) with the building checklist</source>
        <translation>按楼栋检查表登记对整栋楼公共部位（楼道、地下室、电动车棚）的检查</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="134"/>
        <source>{0} places</source>
        <translation>共 {0} 处</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="169"/>
        <source>Move “{0}” to the recycle bin?</source>
        <translation>把“{0}”移入回收站？</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/section.py" line="202"/>
        <source>…and {0} more</source>
        <translation>……另有 {0} 条</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="240"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="247"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="247"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="247"/>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="248"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="257"/>
        <source>Import valid rows</source>
        <translation>导入无误的行</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="264"/>
        <source>Note: {0}</source>
        <translation>提示：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/import_wizard.py" line="273"/>
        <source>Rows with errors (red) are skipped; fix them in the file and import it again.</source>
        <translation>有错误的行（红色）不会导入；请在文件中改正后再导入一次。</translation>
    </message>
</context>
<context>
    <name>PrintSection</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="51"/>
        <source>Choose the document, the scope and the period on the left, then press Preview.
Nothing is printed or saved until you ask.</source>
        <translation>在左边选择文档、范围和时间，然后点“预览”。
点“打印”或“另存为”之前，不会打印或保存任何东西。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="72"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="73"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="74"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="130"/>
        <source>{0}, first half</source>
        <translation>{0}年上半年</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="130"/>
        <source>{0}, second half</source>
        <translation>{0}年下半年</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="132"/>
        <source>Show full ID numbers and phone numbers</source>
        <translation>显示完整身份证号和电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="133"/>
        <source>Off by default: ID numbers and phones are printed masked.</source>
        <translation>默认不勾选：身份证号和电话打印时部分隐去。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="134"/>
        <source>A3 paper</source>
        <translation>A3 纸</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="135"/>
        <source>Only households due for a visit</source>
        <translation>只列到期应走访的住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="136"/>
        <source>Only households not visited this month</source>
        <translation>只列本月还没走访的户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="139"/>
        <source>e.g. 3-7 (blank: every building)</source>
        <translation>如 3-7（留空为全部楼栋）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="145"/>
        <source>Notable work of the period, printed on the report&apos;s last page (blank: ruled lines to write on)</source>
        <translation>本期重点工作，印在报告最后一页（不填则印空行，可手写）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="148"/>
        <source>Edit template…</source>
        <translation>编辑模板…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="151"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="152"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="153"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="154"/>
        <source>Half-year</source>
        <translation>半年度</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="155"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="156"/>
        <source>Buildings</source>
        <translation>楼栋范围</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="157"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="158"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="159"/>
        <source>Notable work</source>
        <translation>重点工作</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="161"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="162"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="163"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="164"/>
        <source>Save as Excel…</source>
        <translation>另存为 Excel…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="186"/>
        <source>Whole community</source>
        <translation>全社区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="203"/>
        <source>Every building of the grid</source>
        <translation>网格内全部楼栋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="235"/>
        <source> (mine)</source>
        <translation>（我的）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="286"/>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="288"/>
        <source>Generating the document…</source>
        <translation>正在生成文档…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="307"/>
        <source>Preview: {0} ({1} pages)</source>
        <translation>预览：{0}（共 {1} 页）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="325"/>
        <source>The settings changed since the last preview. Press Preview to see the document as it is now.</source>
        <translation>设置已改动，原来的预览已清除。请按“预览”查看现在的文档。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="333"/>
        <source>Saved {0} to {1}</source>
        <translation>已将{0}保存到 {1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="344"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="344"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/printing.py" line="347"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
</context>
<context>
    <name>PropertyBoardChart</name>
    <message>
        <location filename="../../gridkeeper/ui/board_chart.py" line="20"/>
        <source>red list</source>
        <translation>红榜</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/board_chart.py" line="21"/>
        <source>black list</source>
        <translation>黑榜</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/board_chart.py" line="22"/>
        <source>too few requests</source>
        <translation>诉求过少</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/board_chart.py" line="23"/>
        <source>Property companies, {0}: requests on time and residents satisfied</source>
        <translation>物业服务企业红黑榜（{0}）：诉求按期办结率与满意度</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/board_chart.py" line="24"/>
        <source>On time %</source>
        <translation>按期办结率 %</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/board_chart.py" line="25"/>
        <source>Satisfied %</source>
        <translation>满意度 %</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="366"/>
        <source>Dispute #{0}: mediate again</source>
        <translation>矛盾纠纷 #{0}：重新调解</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="366"/>
        <source>Dispute #{0}: close</source>
        <translation>矛盾纠纷 #{0}：结案</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="372"/>
        <source>Required: why</source>
        <translation>必填：原因</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="373"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="374"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RecycleBin</name>
    <message>
        <location filename="../../gridkeeper/ui/households/recycle_bin.py" line="34"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/recycle_bin.py" line="37"/>
        <source>Deleted households come back with their residents, visits, requests and leases and every link they had (hazards, disputes, leader posts, members); deleted grids, compounds, buildings and units with their units and rooms; deleted disputes, leases and safety places likewise. Restore the newest first when several belong together.</source>
        <translation>删除的住户可以连同居民、走访、诉求和租约一起恢复，原有的关联（安全隐患、矛盾纠纷、三长职务、在职党员）也一并恢复；删除的网格、小区、楼栋和单元可以连同其中的单元和房间一起恢复；删除的矛盾纠纷、租约和检查场所同样可以恢复。几条记录相互关联时，请从最新删除的一条开始恢复。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/recycle_bin.py" line="44"/>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/recycle_bin.py" line="44"/>
        <source>Deleted</source>
        <translation>已删除的内容</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/recycle_bin.py" line="51"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/recycle_bin.py" line="52"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/recycle_bin.py" line="88"/>
        <source>Restored</source>
        <translation>恢复完成</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/recycle_bin.py" line="89"/>
        <source>“{0}” was restored. Some links could not be restored as they were:</source>
        <translation>“{0}”已恢复。以下关联未能按原样恢复：</translation>
    </message>
</context>
<context>
    <name>RemovePartyDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="258"/>
        <source>Dispute #{0}: remove a party</source>
        <translation>矛盾纠纷 #{0}：移除当事人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="264"/>
        <source>Optional: why, e.g. 登记错了、与本纠纷无关</source>
        <translation>可不填：原因，例如 登记错了、与本纠纷无关</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="265"/>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="266"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RentalRulesDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="302"/>
        <source>Rented-housing rules</source>
        <translation>出租房屋规则</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="313"/>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="314"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="315"/>
        <source>People per room let (群租 above this)</source>
        <translation>每间居住人数上限（超过即疑似群租）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="316"/>
        <source>People per flat</source>
        <translation>每套居住人数上限</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="317"/>
        <source>Warn of lease ends and permit expiries (days ahead)</source>
        <translation>租约到期、居住证到期提前提醒天数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="318"/>
        <source>Residence permit expected after (days here)</source>
        <translation>来本地多少天后应办居住证</translation>
    </message>
</context>
<context>
    <name>RentalTodayBox</name>
    <message>
        <location filename="../../gridkeeper/ui/rentals/today_box.py" line="22"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/today_box.py" line="23"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/today_box.py" line="24"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/today_box.py" line="25"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gridkeeper/ui/rentals/today_box.py" line="30"/>
        <source>lease ended %n day(s) ago</source>
        <translation>
            <numerusform>租约已到期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gridkeeper/ui/rentals/today_box.py" line="31"/>
        <source>lease ends in %n day(s)</source>
        <translation>
            <numerusform>租约 %n 天后到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gridkeeper/ui/rentals/today_box.py" line="33"/>
        <source>permit expired %n day(s) ago</source>
        <translation>
            <numerusform>居住证已过期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gridkeeper/ui/rentals/today_box.py" line="34"/>
        <source>permit expires in %n day(s)</source>
        <translation>
            <numerusform>居住证 %n 天后到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gridkeeper/ui/rentals/today_box.py" line="35"/>
        <source>no residence permit after %n day(s)</source>
        <translation>
            <numerusform>来本地 %n 天未办居住证</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/today_box.py" line="47"/>
        <source>Rented housing: leases, permits ({0})</source>
        <translation>出租房屋：租约与居住证提醒（{0}）</translation>
    </message>
</context>
<context>
    <name>RentalsSection</name>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="35"/>
        <source>Possible group rentals only</source>
        <translation>只看疑似群租</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="38"/>
        <source>Register rented flat…</source>
        <translation>登记出租房屋…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="40"/>
        <source>Rules…</source>
        <translation>规则…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="41"/>
        <source>When a flat counts as a possible group rental; how soon Today warns</source>
        <translation>疑似群租的认定标准；今日提前几天提醒</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="73"/>
        <source>Lease</source>
        <translation>租期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="68"/>
        <source>Landlord</source>
        <translation>房东</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="74"/>
        <source>Let for</source>
        <translation>出租用途</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="55"/>
        <source>possible group rental ({0} people, {1} rooms)</source>
        <translation>疑似群租（{0}人/{1}间）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="59"/>
        <source>lease ran out</source>
        <translation>租约已到期未续</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="61"/>
        <source>lease ends soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="63"/>
        <source>letter not signed</source>
        <translation>未签责任书</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="67"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="69"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="70"/>
        <source>Tenants</source>
        <translation>租住人数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="72"/>
        <source>Rooms</source>
        <translation>间数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="75"/>
        <source>Letter</source>
        <translation>责任书</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="75"/>
        <source>signed</source>
        <translation>已签</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="75"/>
        <source>not signed</source>
        <translation>未签</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="76"/>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="77"/>
        <source>Needs attention</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/section.py" line="97"/>
        <source>{0} rented flats, {1} tenants, {2} possible group rentals</source>
        <translation>出租房屋 {0} 套，在住租户 {1} 人，疑似群租 {2} 套</translation>
    </message>
</context>
<context>
    <name>RequestsSection</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="79"/>
        <source>Filter: request, address, head, handled by or No.</source>
        <translation>筛选：诉求内容、地址、户主、承办人或编号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="91"/>
        <source>New request…</source>
        <translation>新诉求…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="91"/>
        <source>Record a resident&apos;s request (Ctrl+N)</source>
        <translation>登记居民诉求（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="100"/>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="100"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="100"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="108"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="109"/>
        <source>Raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="110"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="111"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="112"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="113"/>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="126"/>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="240"/>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="114"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="115"/>
        <source>Handled by</source>
        <translation>承办</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="116"/>
        <source>Deadline</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="117"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="125"/>
        <source>late</source>
        <translation>超期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gridkeeper/ui/sections/requests.py" line="125"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="126"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="126"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="130"/>
        <source>Dispatch…</source>
        <translation>派单…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="130"/>
        <source>Start handling…</source>
        <translation>开始办理…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="131"/>
        <source>Resolve…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="131"/>
        <source>Follow-up and rating…</source>
        <translation>回访评价…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="132"/>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="134"/>
        <source>Reopen…</source>
        <translation>重新办理…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="136"/>
        <source>Open household</source>
        <translation>打开住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="139"/>
        <source>Turn into a dispute…</source>
        <translation>转为矛盾纠纷…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="140"/>
        <source>Mediate this neighbour dispute in the dispute register; the request is closed and its history kept</source>
        <translation>转入矛盾纠纷台账调解；诉求随之办结，办理经过保留</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="184"/>
        <source>{0} requests</source>
        <translation>共 {0} 件</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="241"/>
        <source>Choose a request in the list to see its history and next step.</source>
        <translation>在列表中选择一件诉求，查看办理经过和下一步。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="243"/>
        <source>Request #{0} · {1}</source>
        <translation>诉求 #{0} · {1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="247"/>
        <source>Raised {0}, deadline {1}</source>
        <translation>{0} 提出，期限 {1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="249"/>
        <source>Handled by: {0}</source>
        <translation>承办：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="249"/>
        <source>Feedback: {0}</source>
        <translation>办理结果：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="250"/>
        <source>Rating: {0}</source>
        <translation>评价：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="251"/>
        <source>Withdrawn: {0}</source>
        <translation>撤回原因：{0}</translation>
    </message>
</context>
<context>
    <name>ResidentsTable</name>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="18"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="19"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="20"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="21"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="22"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="23"/>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="24"/>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="25"/>
        <source>Residence status</source>
        <translation>居住状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="26"/>
        <source>Care tags</source>
        <translation>关爱标签</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="134"/>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="192"/>
        <source>Double-click to choose care tags</source>
        <translation>双击选择关爱标签</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="162"/>
        <source>Write the date as 1990-05-01</source>
        <translation>日期请写成 1990-05-01</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="45"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="50"/>
        <source>Choose a backup. The current database is saved as a backup first, and the restored copy is checked (record counts equal to the backup&apos;s) before it replaces the current one.</source>
        <translation>请选择一份备份。恢复前会先把当前数据库另存为备份；恢复出的数据经核验（记录数与备份一致）后才会替换当前数据库。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="53"/>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="53"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="53"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="54"/>
        <source>Residents</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="54"/>
        <source>Visits</source>
        <translation>走访次数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="66"/>
        <source> (kept until deleted)</source>
        <translation>（保留至手动删除）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="68"/>
        <source> (dated later than now: was the clock wrong?)</source>
        <translation>（时间晚于现在：当时电脑时钟不对？）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="70"/>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/data_menu.py" line="80"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../gridkeeper/ui/search_box.py" line="26"/>
        <source>{0} people, showing the first {1}</source>
        <translation>共 {0} 人，显示前 {1} 人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_box.py" line="27"/>
        <source>{0} households, showing the first {1}</source>
        <translation>共 {0} 户，显示前 {1} 户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_box.py" line="28"/>
        <source>{0} results, showing the first {1}</source>
        <translation>共 {0} 条，显示前 {1} 条</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_box.py" line="30"/>
        <source>{0} people</source>
        <translation>共 {0} 人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_box.py" line="31"/>
        <source>{0} households</source>
        <translation>共 {0} 户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_box.py" line="32"/>
        <source>{0} results</source>
        <translation>共 {0} 条</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_box.py" line="47"/>
        <source>Search: name, pinyin initials, phone, ID tail or address (Ctrl+F)</source>
        <translation>搜索：姓名、拼音首字母、电话、身份证尾号或地址（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_box.py" line="80"/>
        <source>Household: {0}</source>
        <translation>住户：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_box.py" line="86"/>
        <source>Nothing found</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_box.py" line="104"/>
        <source>{0} — show all (Ctrl+Enter)</source>
        <translation>{0} — 显示全部（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>SearchMatchModel</name>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="18"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="19"/>
        <source>Matched</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="20"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="21"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="22"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="23"/>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="56"/>
        <source>Household: {0}</source>
        <translation>住户：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="60"/>
        <source>Selected place</source>
        <translation>选中的楼栋/小区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="60"/>
        <source>Elsewhere</source>
        <translation>其他地方</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="61"/>
        <source>Selected grid</source>
        <translation>选中的网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="68"/>
        <source>Never</source>
        <translation>从未走访</translation>
    </message>
</context>
<context>
    <name>SearchResultsDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="81"/>
        <source>Search results for “{0}”</source>
        <translation>“{0}”的全部搜索结果</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="87"/>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="88"/>
        <source>All compounds</source>
        <translation>全部小区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="89"/>
        <location filename="../../gridkeeper/ui/search_results.py" line="132"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="110"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="110"/>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="111"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="126"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_results.py" line="146"/>
        <source>{0} of {1} matches</source>
        <translation>显示 {0} 条，共 {1} 条</translation>
    </message>
</context>
<context>
    <name>ServerConnect</name>
    <message>
        <location filename="../../gridkeeper/ui/server_connect.py" line="68"/>
        <location filename="../../gridkeeper/ui/server_connect.py" line="185"/>
        <source>Office server</source>
        <translation>办公室服务器</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/server_connect.py" line="70"/>
        <source>Connect this PC to the office&apos;s shared database. The password is asked for when connecting and is never saved.</source>
        <translation>把这台电脑连接到办公室共用的数据库。密码在连接时输入，不会保存。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/server_connect.py" line="79"/>
        <location filename="../../gridkeeper/ui/server_connect.py" line="104"/>
        <source>Server (name or address)</source>
        <translation>服务器（名称或地址）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/server_connect.py" line="80"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/server_connect.py" line="81"/>
        <location filename="../../gridkeeper/ui/server_connect.py" line="105"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/server_connect.py" line="82"/>
        <location filename="../../gridkeeper/ui/server_connect.py" line="105"/>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/server_connect.py" line="89"/>
        <source>Use this PC&apos;s file</source>
        <translation>改用本机文件</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/server_connect.py" line="108"/>
        <source>Please fill in: {0}</source>
        <translation>请填写：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/server_connect.py" line="144"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/server_connect.py" line="149"/>
        <source>Cannot reach the server</source>
        <translation>连接不上服务器</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/server_connect.py" line="159"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/server_connect.py" line="160"/>
        <source>Office server…</source>
        <translation>办公室服务器…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/server_connect.py" line="188"/>
        <source>Saved. GridKeeper is already working on this database.</source>
        <translation>已保存。网格管家现在用的就是这个数据库。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/server_connect.py" line="193"/>
        <source>this PC&apos;s file</source>
        <translation>本机文件</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/server_connect.py" line="195"/>
        <source>Not changed now: GridKeeper goes on working on {0}. {1} is used from the next start.</source>
        <translation>这次没有切换：网格管家继续使用 {0}。下次启动时会使用 {1}。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/server_connect.py" line="200"/>
        <source>Now working on {0}</source>
        <translation>现在使用的数据库：{0}</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="106"/>
        <source>Record service</source>
        <translation>记录服务</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="110"/>
        <source>Filter by name</source>
        <translation>按姓名筛选</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="117"/>
        <source>Tick all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="118"/>
        <source>Tick none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="125"/>
        <source>For example: weekend clean-up of the compound</source>
        <translation>例如：周末小区环境清洁</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="134"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="138"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="139"/>
        <source>Members</source>
        <translation>在职党员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="141"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="142"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="143"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="144"/>
        <source>Hours each</source>
        <translation>每人时长</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="145"/>
        <source>Points each</source>
        <translation>每人积分</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="280"/>
        <source>Dispute #{0}: mediation session</source>
        <translation>矛盾纠纷 #{0}：调解记录</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="285"/>
        <source>Mediators, separated by 、</source>
        <translation>调解人，多人用“、”分开</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="286"/>
        <source>What the parties agreed (or where they still differ)</source>
        <translation>双方达成的内容（或仍有分歧之处）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="287"/>
        <source>Notes (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="288"/>
        <source>Held on</source>
        <translation>调解日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="289"/>
        <source>Mediators</source>
        <translation>调解人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="290"/>
        <source>Agreed</source>
        <translation>达成内容</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/dispute_dialogs.py" line="291"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="205"/>
        <source>Set up GridKeeper</source>
        <translation>设置网格管家</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="242"/>
        <source> — DEMO DATA</source>
        <translation> — 演示数据</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="248"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="248"/>
        <source>The demo data is in its own file:
{0}

Nothing you do there touches your community&apos;s database ({1}). Close the demo window to go back to your own data.</source>
        <translation>演示数据保存在单独的文件中：
{0}

在演示窗口中的任何操作都不会影响您社区的数据库（{1}）。关闭演示窗口即可回到您自己的数据。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="306"/>
        <source>These names were made up by an earlier import and are printed on every ledger and notice:
{0}

Enter the community&apos;s real details now? (Grids are renamed in the place tree: select one, press F2.)</source>
        <translation>下面这些名称是早先导入时自动起的，会印在每份台账和通知上：
{0}

现在填写社区的真实信息吗？（网格在左侧地点树中改名：选中后按 F2。）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="320"/>
        <source>Database not found</source>
        <translation>找不到数据库</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="321"/>
        <source>There is no database at
{0}

Create a new, empty community database there? A setup wizard then asks for the community and its grids.</source>
        <translation>这个位置没有数据库：
{0}

要在这里新建一个空的社区数据库吗？随后设置向导会询问社区和网格的信息。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/setup_wizard.py" line="325"/>
        <source>Create the database</source>
        <translation>新建数据库</translation>
    </message>
</context>
<context>
    <name>StepDetail</name>
    <message>
        <location filename="../../gridkeeper/ui/widgets/step_detail.py" line="37"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/step_detail.py" line="39"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="64"/>
        <source>Care tags</source>
        <translation>关爱标签</translation>
    </message>
</context>
<context>
    <name>TenancyDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="62"/>
        <source>Edit lease</source>
        <translation>修改租约</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="62"/>
        <source>Register a rented flat</source>
        <translation>登记出租房屋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="69"/>
        <source>Flat</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="70"/>
        <source>Lives in the community</source>
        <translation>本社区居民</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="71"/>
        <source>Lives elsewhere</source>
        <translation>不住本社区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="85"/>
        <source>Landlord&apos;s name</source>
        <translation>房东姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="86"/>
        <source>Mobile or landline with area code</source>
        <translation>手机号或带区号的座机号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="87"/>
        <source>18-digit ID number (optional)</source>
        <translation>18 位身份证号（可不填）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="91"/>
        <source>Fixed end</source>
        <translation>有到期日</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="95"/>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="97"/>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="101"/>
        <source>Landlord</source>
        <translation>房东</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="102"/>
        <source>Landlord&apos;s household</source>
        <translation>房东所在住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="103"/>
        <source>Landlord (resident)</source>
        <translation>房东（居民）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="104"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="105"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="106"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="107"/>
        <source>Lease starts</source>
        <translation>起租日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="108"/>
        <source>Lease ends</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="109"/>
        <source>Let for</source>
        <translation>出租用途</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="110"/>
        <source>Rooms let</source>
        <translation>出租间数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="111"/>
        <source>Tenants (declared)</source>
        <translation>承租人数（申报）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="112"/>
        <source>Safety letter (治安消防责任书)</source>
        <translation>治安消防责任书</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="113"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="155"/>
        <source>Choose the rented flat</source>
        <translation>请选择出租的房屋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="158"/>
        <source>Choose the landlord&apos;s household and the landlord</source>
        <translation>请选择房东所在住户和房东本人</translation>
    </message>
</context>
<context>
    <name>TenantDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="211"/>
        <source>Edit tenant</source>
        <translation>修改租户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="211"/>
        <source>Add tenant</source>
        <translation>添加租户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="221"/>
        <source>Province and city, e.g. 河南省周口市</source>
        <translation>省市，例如 河南省周口市</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="223"/>
        <source>Residence permit number (often the ID number)</source>
        <translation>居住证号（多为身份证号）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="224"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="227"/>
        <source>A new person</source>
        <translation>新登记的人员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="232"/>
        <source>{0} (already a resident here)</source>
        <translation>{0}（已是本户居民）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="233"/>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="234"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="235"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="236"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="237"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="238"/>
        <source>Residence status</source>
        <translation>居住状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="244"/>
        <source>Arrived on</source>
        <translation>来本地日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="245"/>
        <source>From</source>
        <translation>户籍地（来自）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="246"/>
        <source>Workplace</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="247"/>
        <source>Permit number</source>
        <translation>居住证号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/rentals/dialogs.py" line="248"/>
        <source>Permit expires</source>
        <translation>居住证有效期至</translation>
    </message>
</context>
<context>
    <name>TodaySection</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="109"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="110"/>
        <source>Place</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="126"/>
        <source>Double-click a line: a household opens, a request opens, a vacant post asks whom to assign.</source>
        <translation>双击一行：住户行打开住户，诉求行打开诉求，空缺岗位行可任命人选。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="139"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="140"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="141"/>
        <source>Care</source>
        <translation>关爱类别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="141"/>
        <source>migrants</source>
        <translation>流动人口</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="142"/>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="143"/>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="144"/>
        <source>Every</source>
        <translation>走访周期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gridkeeper/ui/sections/today.py" line="144"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="145"/>
        <source>Due</source>
        <translation>到期情况</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="150"/>
        <source>never visited</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="157"/>
        <location filename="../../gridkeeper/ui/sections/today.py" line="172"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="158"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="159"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="160"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="161"/>
        <source>Deadline</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="163"/>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gridkeeper/ui/sections/today.py" line="169"/>
        <source>no session for %n day(s)</source>
        <translation>
            <numerusform>%n 天未调解</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gridkeeper/ui/sections/today.py" line="170"/>
        <source>follow-up %n day(s) late</source>
        <translation>
            <numerusform>回访超期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="170"/>
        <source>follow-up due today</source>
        <translation>今天应回访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="173"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="174"/>
        <source>Needs</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="175"/>
        <source>Dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="217"/>
        <source>Whole community</source>
        <translation>全社区</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="230"/>
        <source>Disputes to mediate or follow up ({0})</source>
        <translation>待调解或待回访的矛盾纠纷（{0}）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="232"/>
        <source>Today, {0}</source>
        <translation>今日，{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="233"/>
        <source>Showing: {0}</source>
        <translation>范围：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="234"/>
        <source>Care households due or overdue for a visit ({0})</source>
        <translation>到期或超期未走访的关爱户（{0}）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="235"/>
        <source>Requests due today or overdue ({0})</source>
        <translation>今天到期或已超期的诉求（{0}）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="236"/>
        <source>Vacant leader posts ({0})</source>
        <translation>空缺的三长岗位（{0}）</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="90"/>
        <source>Request #{0}: {1}</source>
        <translation>诉求 #{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="94"/>
        <source>{0} → {1}: {2}</source>
        <translation>{0} → {1}：{2}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="104"/>
        <source>What was done, and the result</source>
        <translation>办理情况和结果</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="106"/>
        <source>Feedback</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="111"/>
        <source>What the resident said at the follow-up (optional)</source>
        <translation>回访时居民怎么说的（可不填）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="113"/>
        <source>Follow-up comment</source>
        <translation>回访意见</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="116"/>
        <source>Required: why this step is taken</source>
        <translation>必填：说明原因</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="117"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="119"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="127"/>
        <source>Company, office or person</source>
        <translation>单位、部门或个人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="132"/>
        <source>Dispatch to</source>
        <translation>派往</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="133"/>
        <source>Handled by</source>
        <translation>承办</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="154"/>
        <source>Resident&apos;s rating</source>
        <translation>居民评价</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="230"/>
        <source>Rename unit</source>
        <translation>单元改名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="230"/>
        <source>New unit</source>
        <translation>新建单元</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="236"/>
        <source>e.g. 2单元</source>
        <translation>例如 2单元</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/place_dialogs.py" line="237"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="43"/>
        <source>Steward, leader, member or any name</source>
        <translation>网格员、三长、党员或其他人的姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="53"/>
        <source>Someone was home</source>
        <translation>家中有人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="56"/>
        <source>What was found, in one line</source>
        <translation>走访发现（一句话）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="57"/>
        <source>Raise a request from this visit</source>
        <translation>由此次走访登记诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="59"/>
        <source>Record a safety hazard found on this visit</source>
        <translation>登记本次走访发现的安全隐患</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="62"/>
        <source>Register a dispute found on this visit</source>
        <translation>登记这次走访发现的矛盾纠纷</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="66"/>
        <source>Save &amp;&amp; next (Enter)</source>
        <translation>保存并继续（Enter）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="69"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="86"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="87"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="88"/>
        <source>Visitor</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="90"/>
        <source>Kind</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="92"/>
        <source>Findings</source>
        <translation>走访发现</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="149"/>
        <source>Visitor changed from {0} to {1} to match the grid. Choose another if that is not right.</source>
        <translation>走访人已由 {0} 改为 {1}（随住户所在网格）。如不对，请另选。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_input.py" line="37"/>
        <source>Choose the household that was visited</source>
        <translation>请选择被走访的住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_input.py" line="39"/>
        <source>Who visited?</source>
        <translation>谁去走访的？</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="190"/>
        <source>Saved: {0} (visits entered here: {1})</source>
        <translation>已保存：{0}（本次共录入 {1} 次走访）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="207"/>
        <source>{0} was already visited on {1} (logged by {2}). Log another visit to this household on the same day?</source>
        <translation>{0} 在 {1} 已有一次走访记录（{2}）。同一天再记一次走访吗？</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="209"/>
        <source>This household</source>
        <translation>这一户</translation>
    </message>
</context>
<context>
    <name>VisitHazardDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="227"/>
        <source>Record a hazard from this visit</source>
        <translation>登记走访发现的隐患</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="237"/>
        <source>Who must put it right (the household, the property company…)</source>
        <translation>由谁整改（住户、物业公司……）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="238"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="239"/>
        <source>What exactly</source>
        <translation>具体情况</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="240"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/hazards/dialogs.py" line="241"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
</context>
<context>
    <name>VisitsSection</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="50"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="51"/>
        <source>Correct the selected visit (double-click or Enter on a row)</source>
        <translation>修改选中的走访记录（也可双击或在行上按回车）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="54"/>
        <source>Open household</source>
        <translation>打开住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="56"/>
        <source>Delete visit</source>
        <translation>删除走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="70"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="71"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="72"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="73"/>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="90"/>
        <source>Visitor</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="74"/>
        <source>Visitor is</source>
        <translation>走访人身份</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="75"/>
        <source>Kind</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="76"/>
        <source>Home</source>
        <translation>家中有人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="76"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="76"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="77"/>
        <source>Findings</source>
        <translation>走访发现</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="81"/>
        <source>Quick entry</source>
        <translation>快速录入</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="88"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="122"/>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="145"/>
        <source>{0} visits shown</source>
        <translation>显示 {0} 次走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="202"/>
        <source>Delete {0} visit(s)? The household&apos;s last-visit date is recalculated.</source>
        <translation>删除 {0} 次走访？住户的最近走访日期将重新计算。</translation>
    </message>
</context>
<context>
    <name>WhoIsWorkingDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/login.py" line="44"/>
        <source>Screen locked</source>
        <translation>已锁屏</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/login.py" line="44"/>
        <source>Who is working?</source>
        <translation>谁在值班？</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/login.py" line="46"/>
        <source>GridKeeper was locked after a period without use. Sign in to continue.</source>
        <translation>网格管家因一段时间无人操作已锁定，请登录后继续。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/login.py" line="47"/>
        <source>Several people use this computer. Choose your account.</source>
        <translation>这台电脑由多人共用，请选择您的账号。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/login.py" line="55"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/login.py" line="56"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../gridkeeper/ui/app.py" line="87"/>
        <source>Please note</source>
        <translation>请注意</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/app.py" line="147"/>
        <source>Database: {0}    Today: {1}</source>
        <translation>数据库：{0}    今天：{1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/app.py" line="193"/>
        <source>This PC&apos;s database is open in another GridKeeper window; close that one first.</source>
        <translation>本机的数据库已在另一个网格管家窗口中打开，请先关闭那个窗口。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/app.py" line="235"/>
        <source>Office server</source>
        <translation>办公室服务器</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/app.py" line="254"/>
        <source>Daily server backup saved: {0}</source>
        <translation>服务器数据库今天的备份已保存：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/app.py" line="256"/>
        <source>Daily server backup failed: {0}</source>
        <translation>服务器数据库今天的备份没有成功：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/app.py" line="270"/>
        <source>Connected to the server again</source>
        <translation>已重新连上服务器</translation>
    </message>
</context>
<context>
    <name>worker</name>
    <message>
        <location filename="../../gridkeeper/ui/worker.py" line="153"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/worker.py" line="154"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/errors.py" line="37"/>
        <source>Could not read or write the file{0} ({1}).</source>
        <translation>无法读写文件{0}（{1}）。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/errors.py" line="39"/>
        <source>The operation failed: {0}. Nothing was changed by the failed step.</source>
        <translation>操作失败：{0}。失败的这一步没有改动任何数据。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/errors.py" line="45"/>
        <source>Could not finish</source>
        <translation>未能完成</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/worker.py" line="215"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
</TS>
