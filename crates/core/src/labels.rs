/// A value with a Chinese display label (every closed value list of the guide model).
pub trait Label: Copy {
    fn label(self) -> &'static str;
    fn label_en(self) -> &'static str;
    fn label_in(self, lang: crate::lang::Lang) -> &'static str {
        lang.pick(self.label(), self.label_en())
    }
}

/// "自然人、企业法人": labels listed the way Chinese text lists them.
pub fn join_labels<T: Label>(values: &[T]) -> String {
    join_labels_in(values, crate::lang::Lang::Zh)
}

/// Labels listed in the reader's language ("自然人、企业法人" / "Natural person, Enterprise").
pub fn join_labels_in<T: Label>(values: &[T], lang: crate::lang::Lang) -> String {
    values
        .iter()
        .map(|v| v.label_in(lang))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

/// Declares a closed value list whose wire form and display form are the same Chinese label,
/// so the JSON catalog reads like a service guide and the UI never maps strings by hand.
macro_rules! labelled_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => ($label:literal, $en:literal),)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        // By hand rather than derived: every enum goes through one string path, which keeps the
        // wasm smaller than a generated visitor per enum.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.label())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let label = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                Self::from_label(&label).ok_or_else(|| {
                    serde::de::Error::custom(format_args!(
                        "unknown {} value {:?}; expected one of {:?}",
                        stringify!($name),
                        label,
                        Self::ALL.iter().map(|v| v.label()).collect::<Vec<_>>()
                    ))
                })
            }
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The Chinese label, identical to the wire form.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }

            /// The English label, for English pages.
            pub fn label_en(self) -> &'static str {
                match self {
                    $($name::$variant => $en,)+
                }
            }

            /// The label in the reader's language.
            pub fn label_in(self, lang: $crate::lang::Lang) -> &'static str {
                lang.pick(self.label(), self.label_en())
            }

            /// Parses a label back (used for URL query values).
            pub fn from_label(label: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.label() == label)
            }
        }

        impl $crate::labels::Label for $name {
            fn label(self) -> &'static str {
                $name::label(self)
            }
            fn label_en(self) -> &'static str {
                $name::label_en(self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

pub(crate) use labelled_enum;

#[cfg(test)]
mod tests {
    use super::join_labels;
    use crate::item::{Audience, ItemType, OnlineDepth, ServiceTarget};

    #[test]
    fn labels_are_the_wire_form_and_unknown_ones_are_named() {
        assert_eq!(
            serde_json::to_string(&OnlineDepth::FullyOnline).unwrap(),
            "\"Ⅳ 全程网办\""
        );
        let back: OnlineDepth = serde_json::from_str("\"Ⅳ 全程网办\"").unwrap();
        assert_eq!(back, OnlineDepth::FullyOnline);
        // An escaped string (not borrowable) takes the same path.
        let escaped: ItemType = serde_json::from_str("\"\\u884c\\u653f\\u8bb8\\u53ef\"").unwrap();
        assert_eq!(escaped, ItemType::Licensing);
        let err = serde_json::from_str::<ItemType>("\"行政审批\"")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("unknown ItemType value \"行政审批\"") && err.contains("行政许可"),
            "{err}"
        );
    }

    #[test]
    fn labels_join_as_a_chinese_list() {
        assert_eq!(
            join_labels(&[ServiceTarget::NaturalPerson, ServiceTarget::Enterprise]),
            "自然人、企业法人"
        );
        assert_eq!(join_labels(&[Audience::Legal]), "法人");
        assert_eq!(join_labels::<ItemType>(&[]), "");
        assert_eq!(
            super::join_labels_in(
                &[ServiceTarget::NaturalPerson, ServiceTarget::Enterprise],
                crate::lang::Lang::En
            ),
            "Natural person, Enterprise"
        );
    }
}
