//! The frame around every page.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="wrap header-row">
                <A href="/" attr:class="brand">
                    <span class="brand-name">"一次办"</span>
                    <span class="brand-tag">"政法服务 · 最多跑一次"</span>
                </A>
                <nav aria-label="主导航">
                    <A href="/">"事项目录"</A>
                </nav>
            </div>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>
                    "服务热线：12345 政务服务便民热线 · 12309 检察服务 · 12368 诉讼服务 · 12348 法律援助"
                </p>
                <p class="muted">"一次办 · Run-Once Portal — 演示门户，事项数据为模拟数据。"</p>
            </div>
        </footer>
    }
}
