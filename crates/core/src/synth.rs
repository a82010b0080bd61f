//! A deterministic synthetic catalog for scale tests: `synthetic_items(10_000)` always returns the
//! same 10 000 valid items, varied enough that every filter and search path has work to do.

use crate::item::*;
use crate::validate::uscc_with_check;

const CITIES: &[&str] = &[
    "北京",
    "天津",
    "上海",
    "重庆",
    "成都",
    "贵阳",
    "昆明",
    "拉萨",
    "杭州",
    "宁波",
    "温州",
    "南京",
    "苏州",
    "无锡",
    "合肥",
    "福州",
    "厦门",
    "南昌",
    "济南",
    "青岛",
    "郑州",
    "武汉",
    "长沙",
    "广州",
    "深圳",
    "南宁",
    "海口",
    "西安",
    "兰州",
    "西宁",
    "银川",
    "乌鲁木齐",
    "太原",
    "石家庄",
    "沈阳",
    "大连",
    "长春",
    "哈尔滨",
    "呼和浩特",
    "绵阳",
];

/// Base item names with their department and theme.
const BASES: &[(&str, DepartmentKind, Theme)] = &[
    ("出生登记", DepartmentKind::Police, Theme::Household),
    ("户口迁入", DepartmentKind::Police, Theme::Household),
    ("户籍证明开具", DepartmentKind::Police, Theme::Household),
    ("居住证申领", DepartmentKind::Police, Theme::Household),
    ("居民身份证换领", DepartmentKind::Police, Theme::IdDocuments),
    ("居民身份证补领", DepartmentKind::Police, Theme::IdDocuments),
    (
        "临时居民身份证申领",
        DepartmentKind::Police,
        Theme::IdDocuments,
    ),
    ("驾驶证期满换证", DepartmentKind::Police, Theme::Traffic),
    ("驾驶证补证", DepartmentKind::Police, Theme::Traffic),
    ("机动车检验标志核发", DepartmentKind::Police, Theme::Traffic),
    ("机动车转移登记", DepartmentKind::Police, Theme::Traffic),
    ("交通违法缴款", DepartmentKind::Police, Theme::Traffic),
    ("普通护照签发", DepartmentKind::Police, Theme::ExitEntry),
    (
        "往来港澳通行证签注",
        DepartmentKind::Police,
        Theme::ExitEntry,
    ),
    (
        "往来台湾通行证签发",
        DepartmentKind::Police,
        Theme::ExitEntry,
    ),
    ("无犯罪记录证明", DepartmentKind::Police, Theme::PublicOrder),
    ("养犬登记", DepartmentKind::Police, Theme::PublicOrder),
    ("民事一审网上立案", DepartmentKind::Court, Theme::Litigation),
    ("申请执行立案", DepartmentKind::Court, Theme::Litigation),
    ("诉讼费缴纳", DepartmentKind::Court, Theme::Litigation),
    ("诉讼保全担保", DepartmentKind::Court, Theme::Litigation),
    ("诉前调解", DepartmentKind::Court, Theme::Mediation),
    ("司法确认", DepartmentKind::Court, Theme::Mediation),
    ("法官约见", DepartmentKind::Court, Theme::Litigation),
    (
        "控告申诉受理",
        DepartmentKind::Procuratorate,
        Theme::Procuratorial,
    ),
    (
        "国家赔偿申请",
        DepartmentKind::Procuratorate,
        Theme::Procuratorial,
    ),
    (
        "律师预约阅卷",
        DepartmentKind::Procuratorate,
        Theme::Procuratorial,
    ),
    (
        "行贿犯罪档案查询",
        DepartmentKind::Procuratorate,
        Theme::Procuratorial,
    ),
    (
        "公益诉讼线索举报",
        DepartmentKind::Procuratorate,
        Theme::Procuratorial,
    ),
    (
        "法律援助申请",
        DepartmentKind::Justice,
        Theme::LegalServices,
    ),
    ("公证申办", DepartmentKind::Justice, Theme::Notary),
    ("人民调解申请", DepartmentKind::Justice, Theme::Mediation),
    (
        "司法鉴定委托",
        DepartmentKind::Justice,
        Theme::LegalServices,
    ),
    (
        "监狱会见预约",
        DepartmentKind::Justice,
        Theme::LegalServices,
    ),
    (
        "司法救助申请",
        DepartmentKind::Justice,
        Theme::LegalServices,
    ),
];

const VARIANTS: &[&str] = &[
    "",
    "（网上办）",
    "（跨省通办）",
    "（加急）",
    "（代办）",
    "（首次）",
    "（变更）",
    "（注销）",
];

/// SplitMix64: a tiny, well-known deterministic mixer, enough to vary attributes reproducibly.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn department_name(kind: DepartmentKind, city: &str) -> String {
    match kind {
        DepartmentKind::Police => format!("{city}市公安局"),
        DepartmentKind::Court => format!("{city}市中级人民法院"),
        DepartmentKind::Procuratorate => format!("{city}市人民检察院"),
        DepartmentKind::Justice => format!("{city}市司法局"),
    }
}

/// The `n` synthetic items; item `i` is the same whatever `n` is.
pub fn synthetic_items(n: usize) -> Vec<ServiceItem> {
    (0..n).map(synthetic_item).collect()
}

fn synthetic_item(i: usize) -> ServiceItem {
    let r = mix(i as u64);
    let (base, dept_kind, theme) = BASES[i % BASES.len()];
    let city = CITIES[(i / BASES.len()) % CITIES.len()];
    let variant = VARIANTS[(i / (CITIES.len() * BASES.len())) % VARIANTS.len()];
    let name = format!("{city}{base}{variant}");

    // Attribute choices are drawn from the mixer so they do not line up with the name parts.
    let depth = OnlineDepth::ALL[(r % 4) as usize];
    let visits: u8 = match depth {
        OnlineDepth::FullyOnline => 0,
        OnlineDepth::PreReview => ((r >> 8) % 2) as u8,
        _ => 1 + ((r >> 8) % 2) as u8,
    };
    let instant = (r >> 12) % 5 == 0;
    let charged = (r >> 16) % 6 == 0;
    let commitment = (r >> 20) % 4 == 0;
    let scope = match (r >> 24) % 8 {
        0 | 1 => Scope {
            kind: ScopeKind::National,
            region: None,
        },
        2 => Scope {
            kind: ScopeKind::CrossProvince,
            region: Some("川渝".into()),
        },
        3 => Scope {
            kind: ScopeKind::CrossProvince,
            region: Some("西南五省市".into()),
        },
        4 | 5 => Scope {
            kind: ScopeKind::Province,
            region: None,
        },
        _ => Scope {
            kind: ScopeKind::City,
            region: None,
        },
    };
    let legal = 20 + ((r >> 28) % 40) as u32;
    let promised = if instant {
        0
    } else {
        1 + ((r >> 34) % legal as u64) as u32
    };
    let mut channels = vec![Channel::Counter];
    if depth.can_apply_online() {
        channels.push(Channel::Online);
    }
    if visits == 0 && !depth.can_apply_online() {
        channels.push(Channel::Post);
    }
    let dept_body = format!("11{:06}MB{:07}", 100_000 + (i % 900_000), i % 10_000_000);
    let targets = if theme == Theme::BusinessPermits {
        vec![ServiceTarget::Enterprise]
    } else if (r >> 40) % 3 == 0 {
        vec![ServiceTarget::NaturalPerson, ServiceTarget::Enterprise]
    } else {
        vec![ServiceTarget::NaturalPerson]
    };

    ServiceItem {
        code: format!("SYN{i:08}"),
        basic_code: format!("{:012}", 100_000_000 + i),
        name: name.clone(),
        aliases: vec![],
        summary: format!("{city}居民办理{base}的服务事项，材料齐全可当场受理。"),
        item_type: if charged {
            ItemType::Licensing
        } else {
            ItemType::PublicService
        },
        level: AdminLevel::Municipal,
        department: Department {
            kind: dept_kind,
            name: department_name(dept_kind, city),
            code: uscc_with_check(&dept_body).expect("synthetic codes use the USCC alphabet"),
        },
        targets,
        themes: vec![theme],
        legal_basis: vec![LegalBasis {
            law: "《中华人民共和国行政许可法》".into(),
            article: "第二十九条".into(),
        }],
        handling: Handling {
            kind: if instant {
                HandlingKind::Instant
            } else {
                HandlingKind::Promised
            },
            channels,
            visits,
            visit_reason: (visits > 0).then(|| "需现场核验身份并采集信息".to_owned()),
            legal_limit: TimeLimit {
                amount: legal,
                unit: TimeUnit::WorkingDays,
            },
            promised_limit: TimeLimit {
                amount: promised,
                unit: TimeUnit::WorkingDays,
            },
            conditions: vec!["申请人符合本事项办理条件".into()],
            steps: ["申请", "受理", "审查", "决定", "送达"]
                .iter()
                .map(|s| ProcessStep {
                    name: (*s).into(),
                    description: format!("{s}环节"),
                })
                .collect(),
        },
        online: Online {
            depth,
            appointment: (r >> 44) % 2 == 0,
            delivery: visits == 0 || (r >> 45) % 2 == 0,
            payment: charged,
        },
        scope,
        materials: vec![Material {
            name: "居民身份证".into(),
            form: MaterialForm::Both,
            copy_kind: CopyKind::Original,
            copies: 1,
            spec: None,
            necessity: Necessity::Required,
            source: MaterialSource::Government,
            blank_form: None,
            sample: None,
            notes: None,
            commitment: commitment
                .then(|| "本人承诺所填信息真实有效，愿承担虚假承诺的法律责任。".to_owned()),
            applies_to: None,
            when: Vec::new(),
            shared_check: false,
        }],
        no_materials: false,
        situations: Vec::new(),
        fees: Fees {
            charged,
            items: if charged {
                vec![FeeItem {
                    name: "工本费".into(),
                    standard: "每证 20 元".into(),
                    basis: "《国家发展改革委 财政部关于规范工本费标准的通知》".into(),
                }]
            } else {
                vec![]
            },
            reducible: false,
            reduction_note: None,
        },
        results: vec![ResultDoc {
            name: format!("{base}办理结果"),
            kind: ResultKind::Other,
            sample: None,
        }],
        delivery_methods: vec![DeliveryMethod::Counter, DeliveryMethod::Post],
        place: Place {
            address: format!("{city}市政务服务中心"),
            hours: "工作日 9:00–12:00，13:30–17:00".into(),
        },
        phones: Phones {
            consult: "12345".into(),
            complaint: "12345".into(),
        },
        faq: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::validate_catalog;

    #[test]
    fn synthetic_items_are_valid_unique_and_deterministic() {
        let items = synthetic_items(2_000);
        assert_eq!(validate_catalog(&items), vec![]);
        assert_eq!(items[1_234], synthetic_items(1_235)[1_234]);
    }

    #[test]
    fn synthetic_items_vary_every_filtered_attribute() {
        let items = synthetic_items(500);
        let count = |f: &dyn Fn(&ServiceItem) -> bool| items.iter().filter(|i| f(i)).count();
        for n in [
            count(&|i| i.handling.visits == 0),
            count(&|i| i.online.depth == OnlineDepth::FullyOnline),
            count(&|i| i.scope.is_cross_province()),
            count(&|i| i.has_commitment()),
            count(&|i| i.handling.kind == HandlingKind::Instant),
            count(&|i| i.fees.charged),
        ] {
            assert!(n > 10 && n < 490, "attribute split {n} of 500");
        }
    }
}
