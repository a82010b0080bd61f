//! Any address the portal does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::title::set_title;

#[component]
pub fn NotFound() -> impl IntoView {
    set_title("页面不存在");
    view! { <NotFoundBody heading="页面不存在" detail="您访问的页面不存在或已被移除。".to_owned() /> }
}

/// The body shared by unknown pages and unknown item codes.
#[component]
pub fn NotFoundBody(heading: &'static str, detail: String) -> impl IntoView {
    view! {
        <div class="wrap not-found" data-testid="not-found">
            <h1 class="page-title">{heading}</h1>
            <p>{detail}</p>
            <p lang="en" class="muted">"Page not found."</p>
            <p>
                <A href="/" attr:class="button">"返回服务事项目录"</A>
            </p>
        </div>
    }
}
