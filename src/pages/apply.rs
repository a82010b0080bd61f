//! `/items/{code}/apply`: where the 在线办理 button leads. Online application forms come with the
//! application feature; until then this page says so plainly and gives the ways that work today.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::title::set_title;

#[component]
pub fn ApplyPage() -> impl IntoView {
    set_title("在线办理");
    let params = use_params_map();
    let code = move || params.with(|p| p.get("code").unwrap_or_default());
    view! {
        <div class="wrap">
            <h1 class="page-title">"在线办理"</h1>
            <div class="notice" role="status">
                <p>"在线申请表单正在开通中，暂不能在本站提交申请。"</p>
                <p>"您可以按办事指南准备材料，通过指南中列出的咨询电话预约，或到办理地点一次办结。"</p>
                <p lang="en" class="muted">"Online application forms are not open yet; the service guide lists how to apply today."</p>
            </div>
            <p>
                <A href=move || format!("/items/{}", code()) attr:class="button">"返回办事指南"</A>
            </p>
        </div>
    }
}
