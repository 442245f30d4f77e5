// The realistic data of the large test meeting: 25 candidate projects (some with 30-character
// names), 17 departments with who answers for them, and deterministic ballots.
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['建国', '秀英', '志强', '丽华', '海燕', '国庆', '红梅', '卫东', '晓明', '桂兰', '德明', '玉珍', '文博', '淑芬', '永刚', '春燕', '宏伟', '美玲', '俊杰', '雪梅'];

/** Unique for i < 300: the surname follows i % 100, the given name also i / 100. */
export function deputyName(i: number): string {
  const s = i % 100;
  return `${SURNAMES[s]}${GIVEN[(Math.floor(i / 100) * 7 + s) % 20]}`;
}

export const PROJECTS: readonly [string, string, number][] = [
  ['城区老旧小区改造提升工程（含加装电梯、雨污分流及停车位改造）', '市住房和城乡建设局', 279],
  ['新建和改扩建公办幼儿园及中小学校共 9 所', '市教育局', 276],
  ['城乡公交一体化及新能源公交车更新', '市交通运输局', 273],
  ['社区嵌入式养老服务中心建设', '市民政局', 270],
  ['基层医疗机构能力提升与家庭医生签约服务扩面', '市卫生健康委员会', 268],
  ['农村饮水安全巩固提升工程', '市水利局', 265],
  ['中心城区背街小巷路面及夜间照明整治', '市城市管理局', 261],
  ['黑臭水体综合治理及河道生态修复', '市生态环境局', 258],
  ['城区智慧停车场及公共充电桩建设', '市发展和改革委员会', 255],
  ['全民健身中心及社区运动场地建设', '市体育局', 251],
  ['困难群众“一站式”救助服务平台', '市民政局', 247],
  ['农贸市场标准化改造', '市商务局', 244],
  ['城市公园绿地及口袋公园建设', '市自然资源和规划局', 240],
  ['中小学校课后服务与食堂提质工程', '市教育局', 236],
  ['高校毕业生及就业困难人员就业援助', '市人力资源和社会保障局', 231],
  ['公共法律服务中心及村居法律顾问全覆盖', '市司法局', 226],
  ['食品安全快检室及智慧监管平台建设', '市市场监督管理局', 220],
  ['农村公路提档升级及危桥改造', '市交通运输局', 213],
  ['城市内涝治理及排水管网改造', '市住房和城乡建设局', 205],
  ['残疾人康复及托养服务中心建设', '市残疾人联合会', 196],
  ['图书馆、文化馆总分馆制建设', '市文化广电旅游局', 148],
  ['城区公共厕所新建及改造提升', '市城市管理局', 131],
  ['社区食堂及老年助餐服务点建设', '市民政局', 112],
  ['智慧社区及网格化治理平台建设', '市政务服务数据管理局', 94],
  ['婴幼儿照护服务机构建设', '市卫生健康委员会', 73],
];

export const DEPARTMENTS: readonly { id: string; name: string; person: string; title: string; satisfied: number; basic: number }[] = [
  ['dept-drc', '市发展和改革委员会', '周国平', '主任', 0.62, 0.3],
  ['dept-edu', '市教育局', '刘志远', '局长', 0.7, 0.25],
  ['dept-sci', '市科学技术局', '孙立新', '局长', 0.58, 0.34],
  ['dept-miit', '市工业和信息化局', '赵文斌', '局长', 0.55, 0.35],
  ['dept-police', '市公安局', '马卫东', '局长', 0.74, 0.22],
  ['dept-civil', '市民政局', '何秀英', '局长', 0.66, 0.28],
  ['dept-justice', '市司法局', '郭德明', '局长', 0.6, 0.32],
  ['dept-finance', '市财政局', '林晓明', '局长', 0.52, 0.36],
  ['dept-hrss', '市人力资源和社会保障局', '罗春燕', '局长', 0.57, 0.3],
  ['dept-land', '市自然资源和规划局', '郑永刚', '局长', 0.48, 0.3],
  ['dept-env', '市生态环境局', '张丽萍', '局长', 0.45, 0.28],
  ['dept-housing', '市住房和城乡建设局', '王建军', '局长', 0.5, 0.32],
  ['dept-transport', '市交通运输局', '李海涛', '局长', 0.61, 0.29],
  ['dept-water', '市水利局', '宋玉珍', '局长', 0.63, 0.3],
  ['dept-agri', '市农业农村局', '唐俊杰', '局长', 0.59, 0.31],
  ['dept-commerce', '市商务局', '许美玲', '局长', 0.54, 0.33],
  ['dept-health', '市卫生健康委员会', '陈晓东', '主任', 0.68, 0.24],
].map(([id, name, person, title, satisfied, basic]) => ({
  id: String(id),
  name: String(name),
  person: String(person),
  title: `${String(name)}${String(title)}`,
  satisfied: Number(satisfied),
  basic: Number(basic),
}));

const motion = (id: string, title: string, description: string, visibility: 'live' | 'turnout' | 'hidden') => ({
  id,
  kind: 'motion',
  title,
  description,
  settings: { visibility, countdownSec: 60 },
});

export function agenda(): unknown[] {
  return [
    motion('budget', '表决《关于批准2026年市级预算调整方案的决议（草案）》', '本次会议应到代表 300 名。请各位代表在手机上按下赞成、反对或弃权，每人一票，提交后不能更改。', 'live'),
    motion('appoint', '表决《人事任免事项》', '无记名表决，结果在主持人宣布后显示。', 'hidden'),
    {
      id: 'projects-2027',
      kind: 'projects',
      title: '2027年市级民生实事项目票决',
      description: '25 个候选项目中票决产生 20 个，每位代表最多勾选 20 项，超过 20 项的选票无效。',
      settings: { visibility: 'turnout', countdownSec: 300, form: 'select', adopt: 20 },
      projects: PROJECTS.map(([name, department], i) => ({ id: `p${String(i + 1).padStart(2, '0')}`, name, department, budget: '', deadline: '' })),
    },
    {
      id: 'rating-2026',
      kind: 'rating',
      title: '2026年度电视问政满意度测评',
      description: '请对以下 17 个部门负责人的现场答复逐一测评：满意、基本满意或不满意。',
      settings: { visibility: 'turnout', countdownSec: 300, scale: 'three', flagAbove: 0.2 },
      subjects: DEPARTMENTS.map(({ id, name, person, title }) => ({ id, name, person, title })),
    },
    motion('resolution', '表决《关于加强城市更新工作的决定（草案）》', '请各位代表按下赞成、反对或弃权。', 'live'),
  ];
}

export const VOTES = {
  /** Each project ticked by as many ballots as its target, spread so no ballot ticks more than 20. */
  projects(voters = 282): string[][] {
    const ballots: string[][] = Array.from({ length: voters }, () => []);
    PROJECTS.forEach(([, , target], j) => {
      const order = ballots.map((b, i) => ({ i, n: b.length, k: (i * 31 + j * 17) % voters })).sort((a, b) => a.n - b.n || a.k - b.k);
      for (const { i } of order.slice(0, target)) ballots[i]?.push(`p${String(j + 1).padStart(2, '0')}`);
    });
    if (ballots.some((b) => b.length > 20)) throw new Error('a test ballot ticks more than 20');
    return ballots;
  },
  raters: 285,
};

/** Deputy i's rating of department k: satisfied, basic or unsatisfied by the department's shares. */
export function ratingOf(i: number, k: number): string {
  const d = DEPARTMENTS[k];
  if (!d) return 'basic';
  const x = ((i * 37 + k * 101) % VOTES.raters) / VOTES.raters;
  return x < d.satisfied ? 'satisfied' : x < d.satisfied + d.basic ? 'basic' : 'unsatisfied';
}
