//! The strings of the guide's "我要准备什么" section and its printable one-time checklist
//! (一次性告知单), in Simplified Chinese and English.

use super::messages::{Count, Text};

crate::messages! {
    GuideText;
    situation_heading: Text = "我要准备什么", "What do I need?";
    situation_lead: Text = "回答下面的问题，只看您自己需要准备的材料。",
        "Answer the questions below to see only the materials you need.";
    /// Shown (politely announced) while some questions are unanswered.
    questions_left: Count = |n| format!("还有 {n} 个问题未回答，回答后显示您需要的材料。"),
        |n| if n == 1 {
            "1 question left: answer it to see your materials.".to_owned()
        } else {
            format!("{n} questions left: answer them to see your materials.")
        };
    /// The count of the citizen's materials, and how many of them a department checks itself.
    my_materials_count: fn(usize, usize) -> String = |total, shared| match shared {
            0 => format!("您需要准备 {total} 项材料。"),
            s => format!("您的情形涉及 {total} 项材料，其中 {s} 项由部门共享核验，无需提交。"),
        },
        |total, shared| {
            let items = if total == 1 { "item" } else { "items" };
            match shared {
                0 => format!("You need {total} {items}."),
                s => format!("Your situation involves {total} {items}; {s} of them the department checks itself, so you need not hand them in."),
            }
        };
    my_materials_label: Text = "我需要准备的材料", "The materials I need";
    shared_check: Text = "由部门共享核验，无需提交", "Checked by the department through data sharing: no need to hand it in";
    copies: fn(&str, u8) -> String = |kind, n| format!("{kind} · {n} 份"), |kind, n| format!("{kind} · {n} {}", if n == 1 { "copy" } else { "copies" });
    spec: Text = "规格：", "Specification: ";
    commitment_possible: Text = "可签署告知承诺书代替", "You may sign a commitment instead";
    change_answers_hint: Text = "改变回答，材料清单随即更新；链接会记住您的回答，可收藏或分享。",
        "Change an answer and the list updates; the link keeps your answers, so you can bookmark or share it.";
    print_checklist: Text = "打印一次性告知单", "Print the one-time checklist";

    // The printed sheet.
    sheet_title: Text = "一次性告知单", "One-time checklist";
    sheet_situation: Text = "您的情形", "Your situation";
    sheet_all_materials: Text = "以下为本事项的全部材料，请按“适用情形”准备。",
        "All materials of this service are listed; prepare those whose “Applies to” fits you.";
    sheet_materials: Text = "需要准备的材料", "Materials to prepare";
    sheet_copies: Text = "份数", "Copies";
    sheet_note: Text = "说明", "Notes";
    sheet_where_when: Text = "办理地点和时间", "Where and when";
    sheet_phones: Text = "联系电话", "Phone numbers";
    printed_on: fn(i32, u32, u32) -> String = |y, m, d| format!("打印日期：{y}年{m}月{d}日"),
        |y, m, d| format!("Printed on {y}-{m:02}-{d:02}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn counts_read_naturally_in_both_languages() {
        let (zh, en) = (GuideText::of(Lang::Zh), GuideText::of(Lang::En));
        assert_eq!((zh.my_materials_count)(2, 0), "您需要准备 2 项材料。");
        assert_eq!((en.my_materials_count)(1, 0), "You need 1 item.");
        assert!((zh.my_materials_count)(3, 1).contains("其中 1 项由部门共享核验"));
        assert_eq!((en.copies)("Original", 2), "Original · 2 copies");
        assert_eq!(
            (en.questions_left)(1),
            "1 question left: answer it to see your materials."
        );
        assert_eq!((zh.printed_on)(2025, 3, 9), "打印日期：2025年3月9日");
    }
}
