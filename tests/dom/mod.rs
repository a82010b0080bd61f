//! DOM helpers shared by the browser test files (`tests/web*.rs`): each file is its own test
//! crate and uses a different subset, hence the `dead_code` allowance.
#![allow(dead_code)]

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element to mount into, so tests do not see each other's DOM.
pub fn container() -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// Every element under `root` matching `selector`, in document order.
pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// The first element under `root` matching `selector`; panics naming it when there is none.
pub fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

/// The text of every element under `root` matching `selector`.
pub fn texts(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

/// Lets timers, effects and microtasks run for `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The texts marked as search matches inside `root`: the ranges of the page's `search` highlight
/// that start there (browsers with custom highlights; in text order within one text node, as a
/// marked text has), then any `<mark>`.
pub fn marked(root: &Element) -> Vec<String> {
    let find = js_sys::Function::new_with_args(
        "root",
        "const search = globalThis.CSS && CSS.highlights && CSS.highlights.get('search');
         const ranges = search ? [...search].filter((r) => root.contains(r.startContainer)) : [];
         ranges.sort((a, b) => a.startOffset - b.startOffset);
         return [...ranges.map((r) => r.startContainer.data.slice(r.startOffset, r.endOffset)),
                 ...[...root.querySelectorAll('mark')].map((m) => m.textContent)];",
    );
    let found: js_sys::Array = find
        .call1(&wasm_bindgen::JsValue::NULL, root)
        .unwrap()
        .unchecked_into();
    found.iter().map(|text| text.as_string().unwrap()).collect()
}
