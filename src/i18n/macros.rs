//! `messages!` builds a string table from Chinese / English pairs: one struct, one value per
//! language and `of(lang)`. A string without its translation does not compile.

/// `messages! { Name; field: Type = zh, en; … }`.
#[macro_export]
macro_rules! messages {
    ($table:ident; $($(#[$doc:meta])* $name:ident: $ty:ty = $zh:expr, $en:expr;)*) => {
        /// Strings in one language.
        pub struct $table {
            $($(#[$doc])* pub $name: $ty,)*
        }

        impl $table {
            /// The strings of `lang`.
            pub fn of(lang: $crate::i18n::Lang) -> &'static $table {
                static ZH: $table = $table { $($name: $zh,)* };
                static EN: $table = $table { $($name: $en,)* };
                match lang {
                    $crate::i18n::Lang::Zh => &ZH,
                    $crate::i18n::Lang::En => &EN,
                }
            }

            /// The strings of the page's current language.
            pub fn now() -> &'static $table {
                Self::of($crate::i18n::lang())
            }
        }
    };
}
