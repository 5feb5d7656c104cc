<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssignLeaderDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="30" />
        <source>Assign {0}: {1}</source>
        <translation>任命{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="35" />
        <source>Name or pinyin initials of a resident living there</source>
        <translation>本楼居民的姓名或拼音首字母</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="41" />
        <source>Or type the name of someone from outside</source>
        <translation>或填写非本楼人员的姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="43" />
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="45" />
        <source>ends on</source>
        <translation>止于</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="51" />
        <source>The pledge in their own words (shown on the wall roster)</source>
        <translation>本人承诺（显示在上墙公示名单上）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="55" />
        <source>Now</source>
        <translation>至今</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="55" />
        <source>{0}, {1}, since {2}</source>
        <translation>{0}，{1}，自{2}起</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="57" />
        <source>Find resident</source>
        <translation>查找居民</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="59" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="60" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="69" />
        <source>Term from</source>
        <translation>任期开始</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="70" />
        <source>Pledge</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leader_dialogs.py" line="79" />
        <source>, Party member</source>
        <translation>，党员</translation>
    </message>
</context>
<context>
    <name>BuildingMatrix</name>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="20" />
        <source>Visited this month</source>
        <translation>本月已走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="21" />
        <source>Visited last month</source>
        <translation>上月走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="22" />
        <source>Visited earlier</source>
        <translation>更早走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="23" />
        <source>Never visited</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="66" />
        <source>{0} = household with care tags</source>
        <translation>{0} = 有关爱对象的住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="75" />
        <source>Building visit matrix</source>
        <translation>楼栋走访图</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="76" />
        <source>Choose a building (or one of its units) in the tree on the left to see its rooms.</source>
        <translation>请在左侧树中选择一栋楼（或其中一个单元），即可查看各房间的走访情况。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="84" />
        <source>{0}: {1} households, {2} visited this month</source>
        <translation>{0}：共 {1} 户，本月已走访 {2} 户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="100" />
        <source>Floor {0}</source>
        <translation>{0}层</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="100" />
        <source>Floor unknown</source>
        <translation>楼层不详</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="120" />
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/matrix.py" line="121" />
        <source>Room {0} — last visit: {1}</source>
        <translation>{0}室 — 最近走访：{1}</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="45" />
        <location filename="../../gridkeeper/ui/households/editor.py" line="230" />
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="45" />
        <source>New household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="74" />
        <source>e.g. 301</source>
        <translation>例如 301</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="82" />
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="83" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="84" />
        <source>Housing use</source>
        <translation>房屋用途</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="85" />
        <source>Household phone</source>
        <translation>户联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="86" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="90" />
        <source>&lt;b&gt;Residents&lt;/b&gt; (double-click the care tags cell to choose tags)</source>
        <translation>&lt;b&gt;家庭成员&lt;/b&gt;（双击“关爱标签”格选择标签）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="92" />
        <source>Add resident</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="93" />
        <source>Remove resident</source>
        <translation>移除成员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="114" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="116" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="117" />
        <source>Delete household…</source>
        <translation>删除住户…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="178" />
        <source>Resident {0}, {1}: {2}</source>
        <translation>第{0}位成员的{1}：{2}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="192" />
        <source>Choose the unit from the list</source>
        <translation>请从列表中选择单元</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="236" />
        <source>Saved. Please check:
{0}</source>
        <translation>已保存。请核对：
{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="247" />
        <source>Delete household</source>
        <translation>删除住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/editor.py" line="248" />
        <source>Delete this household with its residents, visits and requests?
It can be restored from the recycle bin.</source>
        <translation>删除这一户及其家庭成员、走访和诉求记录？
删除后可在回收站中恢复。</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="43" />
        <source>Name, pinyin initials, phone or address such as 7-2-301</source>
        <translation>姓名、拼音首字母、电话或地址（如 7-2-301）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="144" />
        <source>No household chosen</source>
        <translation>尚未选择住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="146" />
        <source>last visit {0}</source>
        <translation>最近走访 {0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="147" />
        <source>never visited</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="148" />
        <source>(no residents)</source>
        <translation>（无成员）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="156" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="157" />
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="173" />
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="202" />
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="158" />
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="174" />
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="182" />
        <location filename="../../gridkeeper/ui/widgets/household_picker.py" line="203" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="22" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="23" />
        <source>Building and unit</source>
        <translation>楼栋单元</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="24" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="25" />
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="26" />
        <source>Residents</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="27" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="28" />
        <source>Head's ID number</source>
        <translation>户主身份证号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="29" />
        <source>Housing use</source>
        <translation>房屋用途</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="30" />
        <source>Care tags</source>
        <translation>关爱标签</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="31" />
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/model.py" line="142" />
        <source>Never</source>
        <translation>从未走访</translation>
    </message>
</context>
<context>
    <name>HouseholdsSection</name>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="31" />
        <source>Household list</source>
        <translation>住户列表</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="34" />
        <source>Building visit matrix</source>
        <translation>楼栋走访图</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="74" />
        <source>All households</source>
        <translation>全部住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="75" />
        <source>Any care tag</source>
        <translation>任一关爱标签</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="79" />
        <source>Any housing use</source>
        <translation>全部用途</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="85" />
        <source>any time</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="86" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="88" />
        <source>New household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="89" />
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="92" />
        <source>Care:</source>
        <translation>关爱：</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="92" />
        <source>Housing use:</source>
        <translation>房屋用途：</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="93" />
        <source>Not visited in:</source>
        <translation>未走访超过：</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/section.py" line="113" />
        <source>{0} households</source>
        <translation>共 {0} 户</translation>
    </message>
</context>
<context>
    <name>LeadersSection</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="26" />
        <source>Only vacant posts</source>
        <translation>只看空缺</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="29" />
        <source>All posts</source>
        <translation>全部岗位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="34" />
        <source>Assign…</source>
        <translation>任命…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="36" />
        <source>End term…</source>
        <translation>卸任…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="40" />
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="41" />
        <source>Place</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="42" />
        <source>Leader</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="42" />
        <source>vacant</source>
        <translation>空缺</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="44" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="45" />
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="45" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="47" />
        <source>Term</source>
        <translation>任期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="48" />
        <source>Pledge</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="91" />
        <source>{0} posts, {1} vacant</source>
        <translation>共 {0} 个岗位，空缺 {1} 个</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/leaders.py" line="144" />
        <source>End {0}'s term as {1} of {2} today? The post becomes vacant.</source>
        <translation>今天结束{0}的{2}{1}任期？该岗位将变为空缺。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="33" />
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="34" />
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="35" />
        <source>Households</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="37" />
        <source>Leaders</source>
        <translation>三长</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="39" />
        <source>Members</source>
        <translation>在职党员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="41" />
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="42" />
        <source>Requests</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="44" />
        <source>Print &amp; export</source>
        <translation>打印与导出</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="64" />
        <source>GridKeeper — community grid work</source>
        <translation>网格通 — 社区网格工作台</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="68" />
        <source>Database: {0}    Today: {1}</source>
        <translation>数据库：{0}    今天：{1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="69" />
        <source>in memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="74" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="114" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="115" />
        <source>New household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="116" />
        <source>Recycle bin…</source>
        <translation>回收站…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="118" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="119" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="120" />
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="121" />
        <source>Delete household (Del in the list)</source>
        <translation>删除住户（列表中按 Del）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="122" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="127" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="128" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="129" />
        <location filename="../../gridkeeper/ui/main_window.py" line="241" />
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="138" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="139" />
        <location filename="../../gridkeeper/ui/main_window.py" line="245" />
        <source>About GridKeeper</source>
        <translation>关于网格通</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="187" />
        <source>Section unavailable</source>
        <translation>此栏目暂不可用</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="188" />
        <source>This section could not be opened: {0}</source>
        <translation>无法打开此栏目：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="219" />
        <source>Delete household</source>
        <translation>删除住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="220" />
        <source>Delete this household with its residents, visits and requests?
It can be restored from the recycle bin.</source>
        <translation>删除这一户及其家庭成员、走访和诉求记录？
删除后可在回收站中恢复。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="242" />
        <source>The new language is used from the next start of GridKeeper.</source>
        <translation>新的界面语言将在下次启动后生效。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/main_window.py" line="246" />
        <source>GridKeeper {0}
Offline desk software for community grid stewards.</source>
        <translation>网格通 {0}
供社区网格员离线使用的工作软件。</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="36" />
        <source>Edit member</source>
        <translation>编辑党员信息</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="36" />
        <source>Register an in-service member</source>
        <translation>在职党员报到登记</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="45" />
        <source>Where they work</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="46" />
        <source>The Party branch they belong to at work</source>
        <translation>所在单位党组织</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="54" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="55" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="56" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="57" />
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="58" />
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="59" />
        <source>Own Party organisation</source>
        <translation>所在党组织</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="60" />
        <source>Home (if living here)</source>
        <translation>住址（如住本社区）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="61" />
        <source>Registered on</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="62" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="63" />
        <source>Claimed post</source>
        <translation>认领岗位</translation>
    </message>
</context>
<context>
    <name>MembersSection</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="48" />
        <source>Show withdrawn</source>
        <translation>显示已退出的</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="52" />
        <source>Register…</source>
        <translation>报到登记…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="53" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="54" />
        <source>Withdraw…</source>
        <translation>退出…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="55" />
        <source>Record service…</source>
        <translation>记录服务…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="59" />
        <source>One activity for many members at once</source>
        <translation>一次活动，多名党员一并登记</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="62" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="63" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="64" />
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="65" />
        <source>Own Party organisation</source>
        <translation>所在党组织</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="66" />
        <location filename="../../gridkeeper/ui/sections/members.py" line="76" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="67" />
        <source>Claimed post</source>
        <translation>认领岗位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="68" />
        <source>Registered</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="69" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="70" />
        <location filename="../../gridkeeper/ui/sections/members.py" line="79" />
        <source>Services</source>
        <translation>服务次数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="71" />
        <location filename="../../gridkeeper/ui/sections/members.py" line="80" />
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="73" />
        <location filename="../../gridkeeper/ui/sections/members.py" line="81" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="76" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="77" />
        <source>Members</source>
        <translation>在职党员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="78" />
        <source>Served</source>
        <translation>参加服务</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="92" />
        <source>{0}, first half</source>
        <translation>{0}年上半年</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="92" />
        <source>{0}, second half</source>
        <translation>{0}年下半年</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="106" />
        <source>Service in</source>
        <translation>服务期间</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="113" />
        <source>Totals per grid</source>
        <translation>各网格合计</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="147" />
        <source>{0} members, {1} without service this half-year</source>
        <translation>共 {0} 名党员，本半年未参加服务 {1} 名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/members.py" line="183" />
        <source>Withdraw {0} from the community's register today?</source>
        <translation>今天将{0}从社区报到名册中退出？</translation>
    </message>
</context>
<context>
    <name>NewRequestDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="35" />
        <source>New request</source>
        <translation>新诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="44" />
        <source>What the resident asks for, in their words</source>
        <translation>居民反映的内容（尽量用原话）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="53" />
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="54" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="55" />
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="56" />
        <source>Raised on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="57" />
        <source>Deadline</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="72" />
        <source>Choose the household the request comes from</source>
        <translation>请选择提出诉求的住户</translation>
    </message>
</context>
<context>
    <name>OverviewSection</name>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="56" />
        <source>Requests by status</source>
        <translation>诉求办理状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="56" />
        <location filename="../../gridkeeper/ui/overview.py" line="57" />
        <source>requests</source>
        <translation>件</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="57" />
        <source>Requests by category</source>
        <translation>诉求类别分布</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="59" />
        <source>Member service hours by month</source>
        <translation>在职党员每月服务时长（小时）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="61" />
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="69" />
        <source>Households</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="70" />
        <source>Residents</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="71" />
        <source>Care households</source>
        <translation>关爱对象户数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="72" />
        <source>Visited this month</source>
        <translation>本月已走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="73" />
        <source>Open requests</source>
        <translation>在办诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="74" />
        <source>Overdue requests</source>
        <translation>超期诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="75" />
        <source>Resolved on time</source>
        <translation>按期办结率</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="76" />
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="77" />
        <source>Grids / buildings</source>
        <translation>网格 / 楼栋</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="78" />
        <source>Leaders in post</source>
        <translation>在任三长</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="79" />
        <source>Active members</source>
        <translation>报到党员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="80" />
        <source>Visits recorded</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="132" />
        <source>Visit coverage this month: the {0} lowest</source>
        <translation>本月走访覆盖率最低的 {0} 个</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="134" />
        <source>Visit coverage this month by grid</source>
        <translation>本月各网格走访覆盖率</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="135" />
        <source>Visit coverage this month by building</source>
        <translation>本月各楼栋走访覆盖率</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="138" />
        <source>Visited %</source>
        <translation>已走访 %</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/overview.py" line="187" />
        <source>Residents' ratings — {0:.1f}% resolved on time ({1} of {2})</source>
        <translation>居民评价 — 按期办结 {0:.1f}%（{2} 件中 {1} 件）</translation>
    </message>
</context>
<context>
    <name>PlaceTree</name>
    <message>
        <location filename="../../gridkeeper/ui/nav_tree.py" line="36" />
        <source>Places</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/nav_tree.py" line="50" />
        <source>Whole community</source>
        <translation>全社区</translation>
    </message>
</context>
<context>
    <name>RecycleBin</name>
    <message>
        <location filename="../../gridkeeper/ui/households/recycle_bin.py" line="32" />
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/recycle_bin.py" line="35" />
        <source>Deleted households can be restored with their residents, visits and requests.</source>
        <translation>已删除的住户可连同家庭成员、走访和诉求记录一起恢复。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/recycle_bin.py" line="38" />
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/recycle_bin.py" line="38" />
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/recycle_bin.py" line="44" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/recycle_bin.py" line="45" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/recycle_bin.py" line="74" />
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
</context>
<context>
    <name>RequestsSection</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="83" />
        <source>New request…</source>
        <translation>新诉求…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="84" />
        <source>Record a resident's request (Ctrl+N)</source>
        <translation>登记居民诉求（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="95" />
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="95" />
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="95" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="103" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="104" />
        <source>Raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="105" />
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="106" />
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="107" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="108" />
        <location filename="../../gridkeeper/ui/sections/requests.py" line="124" />
        <location filename="../../gridkeeper/ui/sections/requests.py" line="248" />
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="109" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="110" />
        <source>Handled by</source>
        <translation>承办</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="111" />
        <source>Deadline</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="112" />
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="118" />
        <source>late</source>
        <translation>超期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gridkeeper/ui/sections/requests.py" line="120" />
        <source>%n day(s) overdue</source>
        <translation><numerusform>超期 %n 天</numerusform></translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="121" />
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gridkeeper/ui/sections/requests.py" line="121" />
        <source>%n day(s) left</source>
        <translation><numerusform>剩 %n 天</numerusform></translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="129" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="130" />
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="131" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="132" />
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="143" />
        <source>Dispatch…</source>
        <translation>派单…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="143" />
        <source>Start handling…</source>
        <translation>开始办理…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="144" />
        <source>Resolve…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="144" />
        <source>Follow-up and rating…</source>
        <translation>回访评价…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="145" />
        <source>Withdraw…</source>
        <translation>退出…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="152" />
        <source>Reopen…</source>
        <translation>重新办理…</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="154" />
        <source>Open household</source>
        <translation>打开住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="197" />
        <source>{0} requests</source>
        <translation>共 {0} 件</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="249" />
        <source>Choose a request in the list to see its history and next step.</source>
        <translation>在列表中选择一件诉求，查看办理经过和下一步。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="251" />
        <source>Request #{0} · {1}</source>
        <translation>诉求 #{0} · {1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="254" />
        <source>Raised {0}, deadline {1}</source>
        <translation>{0} 提出，期限 {1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="258" />
        <source>Handled by: {0}</source>
        <translation>承办：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="260" />
        <source>Feedback: {0}</source>
        <translation>办理结果：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="262" />
        <source>Rating: {0}</source>
        <translation>评价：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/requests.py" line="264" />
        <source>Withdrawn: {0}</source>
        <translation>撤回原因：{0}</translation>
    </message>
</context>
<context>
    <name>ResidentsTable</name>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="18" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="19" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="20" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="21" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="22" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="23" />
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="24" />
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="25" />
        <source>Residence status</source>
        <translation>居住状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="26" />
        <source>Care tags</source>
        <translation>关爱标签</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="132" />
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="174" />
        <source>Double-click to choose care tags</source>
        <translation>双击选择关爱标签</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="160" />
        <source>Write the date as 1990-05-01</source>
        <translation>日期请写成 1990-05-01</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../gridkeeper/ui/search_box.py" line="28" />
        <source>Search: name, pinyin initials, phone, ID tail or address (Ctrl+F)</source>
        <translation>搜索：姓名、拼音首字母、电话、身份证尾号或地址（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_box.py" line="54" />
        <source>Household: {0}</source>
        <translation>住户：{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/search_box.py" line="59" />
        <source>Nothing found</source>
        <translation>没有找到</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="97" />
        <source>Record service</source>
        <translation>记录服务</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="102" />
        <source>Filter by name</source>
        <translation>按姓名筛选</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="109" />
        <source>Tick all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="109" />
        <source>Tick none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="117" />
        <source>For example: weekend clean-up of the compound</source>
        <translation>例如：周末小区环境清洁</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="126" />
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="130" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="131" />
        <source>Members</source>
        <translation>在职党员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="133" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="134" />
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="135" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="136" />
        <source>Hours each</source>
        <translation>每人时长</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/member_dialogs.py" line="137" />
        <source>Points each</source>
        <translation>每人积分</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <location filename="../../gridkeeper/ui/households/residents_table.py" line="63" />
        <source>Care tags</source>
        <translation>关爱标签</translation>
    </message>
</context>
<context>
    <name>TodaySection</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="59" />
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="60" />
        <source>Place</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="65" />
        <source>Double-click a line: a household opens, a request opens, a vacant post asks whom to assign.</source>
        <translation>双击一行：住户行打开住户，诉求行打开诉求，空缺岗位行可任命人选。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="76" />
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="77" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="78" />
        <source>Care</source>
        <translation>关爱类别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="78" />
        <source>migrants</source>
        <translation>流动人口</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="79" />
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="80" />
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="81" />
        <source>Every</source>
        <translation>走访周期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gridkeeper/ui/sections/today.py" line="81" />
        <source>%n day(s)</source>
        <translation><numerusform>%n 天</numerusform></translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="82" />
        <source>Due</source>
        <translation>应访日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="87" />
        <source>never visited</source>
        <translation>从未走访</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gridkeeper/ui/sections/today.py" line="89" />
        <location filename="../../gridkeeper/ui/sections/today.py" line="94" />
        <source>%n day(s) overdue</source>
        <translation><numerusform>超期 %n 天</numerusform></translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="89" />
        <location filename="../../gridkeeper/ui/sections/today.py" line="94" />
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="96" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="97" />
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="98" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="99" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="100" />
        <source>Deadline</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="102" />
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="151" />
        <source>Today, {0}</source>
        <translation>今日，{0}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="152" />
        <source>Care households due or overdue for a visit ({0})</source>
        <translation>到期或超期未走访的关爱户（{0}）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="153" />
        <source>Requests due today or overdue ({0})</source>
        <translation>今天到期或已超期的诉求（{0}）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/today.py" line="154" />
        <source>Vacant leader posts ({0})</source>
        <translation>空缺的三长岗位（{0}）</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="88" />
        <source>Request #{0}: {1}</source>
        <translation>诉求 #{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="97" />
        <source>What was done, and the result</source>
        <translation>办理情况和结果</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="99" />
        <source>Feedback</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="104" />
        <source>Required: why this step is taken</source>
        <translation>必填：说明原因</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="105" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="108" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="116" />
        <source>Company, office or person</source>
        <translation>单位、部门或个人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="121" />
        <source>Dispatch to</source>
        <translation>派往</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="122" />
        <source>Handled by</source>
        <translation>承办</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/request_dialogs.py" line="143" />
        <source>Resident's rating</source>
        <translation>居民评价</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="41" />
        <source>Steward, leader, member or any name</source>
        <translation>网格员、三长、党员或其他人的姓名</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="46" />
        <source>Someone was home</source>
        <translation>家中有人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="49" />
        <source>What was found, in one line</source>
        <translation>走访发现（一句话）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="50" />
        <source>Raise a request from this visit</source>
        <translation>由此次走访登记诉求</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="51" />
        <source>Save &amp;&amp; next (Enter)</source>
        <translation>保存并继续（Enter）</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="53" />
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="68" />
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="69" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="70" />
        <source>Visitor</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="71" />
        <source>Kind</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="73" />
        <source>Findings</source>
        <translation>走访发现</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="150" />
        <source>Choose the household that was visited</source>
        <translation>请选择被走访的住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="152" />
        <source>Who visited?</source>
        <translation>谁去走访的？</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visit_form.py" line="165" />
        <source>Saved: {0} (visits entered here: {1})</source>
        <translation>已保存：{0}（本次共录入 {1} 次走访）</translation>
    </message>
</context>
<context>
    <name>VisitsSection</name>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="55" />
        <source>Delete visit</source>
        <translation>删除走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="73" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="74" />
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="75" />
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="76" />
        <location filename="../../gridkeeper/ui/sections/visits.py" line="92" />
        <source>Visitor</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="77" />
        <source>Visitor is</source>
        <translation>走访人身份</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="78" />
        <source>Kind</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="79" />
        <source>Home</source>
        <translation>家中有人</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="79" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="79" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="80" />
        <source>Findings</source>
        <translation>走访发现</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="84" />
        <source>Quick entry</source>
        <translation>快速录入</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="90" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="122" />
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="145" />
        <source>{0} visits shown</source>
        <translation>显示 {0} 次走访</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/sections/visits.py" line="166" />
        <source>Delete {0} visit(s)? The household's last-visit date is recalculated.</source>
        <translation>删除 {0} 次走访？住户的最近走访日期将重新计算。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../gridkeeper/ui/app.py" line="54" />
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>worker</name>
    <message>
        <location filename="../../gridkeeper/ui/worker.py" line="108" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/worker.py" line="109" />
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/worker.py" line="158" />
        <source>Could not read or write the file{0} ({1}).</source>
        <translation>无法读写文件{0}（{1}）。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/worker.py" line="159" />
        <source>The operation failed: {0}. Nothing was changed by the failed step.</source>
        <translation>操作失败：{0}。失败的这一步没有改动任何数据。</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/worker.py" line="165" />
        <source>Could not finish</source>
        <translation>未能完成</translation>
    </message>
    <message>
        <location filename="../../gridkeeper/ui/worker.py" line="173" />
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
</TS>