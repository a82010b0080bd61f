//! 省/市/区 (GB/T 2260 codes) for the region field: a small table, enough for the seed catalog's
//! area (Chongqing and Sichuan) and a few other provinces. Names are given in both languages.

use crate::lang::Lang;

/// One level of the table: a code with its Chinese and English names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub code: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

impl Place {
    pub fn name(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

/// A prefecture-level city (or a municipality's district group) and its districts/counties.
#[derive(Debug, Clone, Copy)]
pub struct City {
    pub place: Place,
    pub districts: &'static [Place],
}

/// A province-level division and its cities.
#[derive(Debug, Clone, Copy)]
pub struct Province {
    pub place: Place,
    pub cities: &'static [City],
}

const fn p(code: &'static str, zh: &'static str, en: &'static str) -> Place {
    Place { code, zh, en }
}

/// Every province in the table, in GB/T 2260 order.
pub static PROVINCES: &[Province] = &[
    Province {
        place: p("110000", "北京市", "Beijing"),
        cities: &[City {
            place: p("110100", "市辖区", "City districts"),
            districts: &[
                p("110101", "东城区", "Dongcheng District"),
                p("110102", "西城区", "Xicheng District"),
                p("110105", "朝阳区", "Chaoyang District"),
                p("110106", "丰台区", "Fengtai District"),
                p("110108", "海淀区", "Haidian District"),
            ],
        }],
    },
    Province {
        place: p("310000", "上海市", "Shanghai"),
        cities: &[City {
            place: p("310100", "市辖区", "City districts"),
            districts: &[
                p("310101", "黄浦区", "Huangpu District"),
                p("310104", "徐汇区", "Xuhui District"),
                p("310115", "浦东新区", "Pudong New Area"),
            ],
        }],
    },
    Province {
        place: p("440000", "广东省", "Guangdong"),
        cities: &[
            City {
                place: p("440100", "广州市", "Guangzhou"),
                districts: &[
                    p("440103", "荔湾区", "Liwan District"),
                    p("440104", "越秀区", "Yuexiu District"),
                    p("440106", "天河区", "Tianhe District"),
                ],
            },
            City {
                place: p("440300", "深圳市", "Shenzhen"),
                districts: &[
                    p("440303", "罗湖区", "Luohu District"),
                    p("440304", "福田区", "Futian District"),
                    p("440305", "南山区", "Nanshan District"),
                ],
            },
        ],
    },
    Province {
        place: p("500000", "重庆市", "Chongqing"),
        cities: &[
            City {
                place: p("500100", "市辖区", "City districts"),
                districts: &[
                    p("500101", "万州区", "Wanzhou District"),
                    p("500102", "涪陵区", "Fuling District"),
                    p("500103", "渝中区", "Yuzhong District"),
                    p("500104", "大渡口区", "Dadukou District"),
                    p("500105", "江北区", "Jiangbei District"),
                    p("500106", "沙坪坝区", "Shapingba District"),
                    p("500107", "九龙坡区", "Jiulongpo District"),
                    p("500108", "南岸区", "Nan'an District"),
                    p("500109", "北碚区", "Beibei District"),
                    p("500112", "渝北区", "Yubei District"),
                    p("500113", "巴南区", "Banan District"),
                ],
            },
            City {
                place: p("500200", "县", "Counties"),
                districts: &[
                    p("500229", "城口县", "Chengkou County"),
                    p("500230", "丰都县", "Fengdu County"),
                    p("500236", "奉节县", "Fengjie County"),
                ],
            },
        ],
    },
    Province {
        place: p("510000", "四川省", "Sichuan"),
        cities: &[
            City {
                place: p("510100", "成都市", "Chengdu"),
                districts: &[
                    p("510104", "锦江区", "Jinjiang District"),
                    p("510105", "青羊区", "Qingyang District"),
                    p("510106", "金牛区", "Jinniu District"),
                    p("510107", "武侯区", "Wuhou District"),
                    p("510108", "成华区", "Chenghua District"),
                    p("510112", "龙泉驿区", "Longquanyi District"),
                    p("510116", "双流区", "Shuangliu District"),
                ],
            },
            City {
                place: p("510300", "自贡市", "Zigong"),
                districts: &[
                    p("510302", "自流井区", "Ziliujing District"),
                    p("510303", "贡井区", "Gongjing District"),
                ],
            },
            City {
                place: p("510700", "绵阳市", "Mianyang"),
                districts: &[
                    p("510703", "涪城区", "Fucheng District"),
                    p("510704", "游仙区", "Youxian District"),
                ],
            },
        ],
    },
    Province {
        place: p("520000", "贵州省", "Guizhou"),
        cities: &[City {
            place: p("520100", "贵阳市", "Guiyang"),
            districts: &[
                p("520102", "南明区", "Nanming District"),
                p("520103", "云岩区", "Yunyan District"),
            ],
        }],
    },
    Province {
        place: p("530000", "云南省", "Yunnan"),
        cities: &[City {
            place: p("530100", "昆明市", "Kunming"),
            districts: &[
                p("530102", "五华区", "Wuhua District"),
                p("530103", "盘龙区", "Panlong District"),
            ],
        }],
    },
];

/// The province with this code.
pub fn province(code: &str) -> Option<&'static Province> {
    PROVINCES.iter().find(|p| p.place.code == code)
}

/// The city with this code inside the given province.
pub fn city(province_code: &str, city_code: &str) -> Option<&'static City> {
    province(province_code)?
        .cities
        .iter()
        .find(|c| c.place.code == city_code)
}

/// The three places of a 省/市/区 triple, if each exists and belongs to the one above it.
pub fn resolve(
    province_code: &str,
    city_code: &str,
    district_code: &str,
) -> Option<[&'static Place; 3]> {
    let prov = province(province_code)?;
    let c = prov.cities.iter().find(|c| c.place.code == city_code)?;
    let d = c.districts.iter().find(|d| d.code == district_code)?;
    Some([&prov.place, &c.place, d])
}

/// "重庆市渝中区" / "Yuzhong District, Chongqing": the generic 市辖区 / 县 level is left out.
pub fn display(places: [&Place; 3], lang: Lang) -> String {
    let generic = |p: &Place| p.zh == "市辖区" || p.zh == "县";
    let parts: Vec<&str> = places
        .iter()
        .filter(|p| !generic(p))
        .map(|p| p.name(lang))
        .collect();
    match lang {
        Lang::Zh => parts.concat(),
        Lang::En => parts.iter().rev().copied().collect::<Vec<_>>().join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_only_consistent_triples() {
        let places = resolve("500000", "500100", "500103").expect("重庆市渝中区");
        assert_eq!(display(places, Lang::Zh), "重庆市渝中区");
        assert_eq!(display(places, Lang::En), "Yuzhong District, Chongqing");
        let chengdu = resolve("510000", "510100", "510107").unwrap();
        assert_eq!(display(chengdu, Lang::Zh), "四川省成都市武侯区");
        assert!(
            resolve("510000", "500100", "500103").is_none(),
            "city of another province"
        );
        assert!(
            resolve("500000", "500100", "510107").is_none(),
            "district of another city"
        );
        assert!(resolve("990000", "990100", "990101").is_none());
    }

    #[test]
    fn codes_are_unique_and_nested() {
        let mut seen = std::collections::HashSet::new();
        for prov in PROVINCES {
            assert!(seen.insert(prov.place.code));
            for c in prov.cities {
                assert_eq!(&c.place.code[..2], &prov.place.code[..2]);
                assert!(seen.insert(c.place.code));
                for d in c.districts {
                    assert_eq!(&d.code[..2], &prov.place.code[..2]);
                    assert!(seen.insert(d.code), "{}", d.code);
                }
            }
        }
    }
}
