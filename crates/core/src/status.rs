//! The status machine of an application (申请件) as staff work it:
//!
//! ```text
//! 待受理 ─受理→ 已受理 ─开始审查→ 审查中 ─办结 (result)→ 已办结
//!    ├─不予受理 (reason)→ 不予受理
//!    └─要求补正 (what is missing)→ 需补正 ─补正后重新提交→ 待受理
//! ```
//!
//! The server calls [`transition`] with whatever the client sent and refuses anything it returns
//! an error for, so an invalid move can never be stored.

use crate::labels::labelled_enum;
use crate::lang::Lang;

labelled_enum! {
    /// Where an application stands.
    pub enum Status {
        Pending => ("待受理", "Awaiting acceptance"),
        Accepted => ("已受理", "Accepted"),
        Rejected => ("不予受理", "Not accepted"),
        NeedsCorrection => ("需补正", "Correction needed"),
        UnderReview => ("审查中", "Under review"),
        Completed => ("已办结", "Completed"),
    }
}

labelled_enum! {
    /// What staff (or, for `Resubmit`, the applicant) do to an application.
    pub enum Action {
        Accept => ("受理", "Accept"),
        Reject => ("不予受理", "Refuse to accept"),
        RequestCorrection => ("要求补正", "Request a correction"),
        StartReview => ("开始审查", "Start the review"),
        Complete => ("办结", "Complete"),
        /// The applicant hands in what was missing; the application waits for acceptance again.
        Resubmit => ("补正后重新提交", "Resubmit after correction"),
    }
}

impl Status {
    /// No action leads anywhere from here.
    pub fn is_final(self) -> bool {
        Action::ALL.iter().all(|a| target(self, *a).is_none())
    }

    /// The actions possible from this status (for the buttons staff see).
    pub fn actions(self) -> Vec<Action> {
        Action::ALL
            .iter()
            .copied()
            .filter(|a| target(self, *a).is_some())
            .collect()
    }
}

impl Action {
    /// The note this action must carry, if any: the reason for refusing, what is missing, or
    /// the result.
    pub fn required_note(self) -> Option<NoteKind> {
        match self {
            Action::Reject => Some(NoteKind::Reason),
            Action::RequestCorrection => Some(NoteKind::Missing),
            Action::Complete => Some(NoteKind::Result),
            Action::Accept | Action::StartReview | Action::Resubmit => None,
        }
    }
}

/// What a required note must say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// 不予受理的理由.
    Reason,
    /// 需补正的材料或内容.
    Missing,
    /// 办理结果.
    Result,
}

impl NoteKind {
    pub fn label_in(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (NoteKind::Reason, Lang::Zh) => "不予受理的理由",
            (NoteKind::Reason, Lang::En) => "the reason for not accepting",
            (NoteKind::Missing, Lang::Zh) => "需补正的材料或内容",
            (NoteKind::Missing, Lang::En) => "what is missing",
            (NoteKind::Result, Lang::Zh) => "办理结果",
            (NoteKind::Result, Lang::En) => "the result",
        }
    }
}

/// Why a transition was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The action is not possible from this status (e.g. 办结 straight from 待受理).
    #[error("invalid_transition: {action:?} from {from:?}")]
    Invalid { from: Status, action: Action },
    /// The action needs a note (reason, what is missing, result) and none was given.
    #[error("note_required: {action:?} needs {kind:?}")]
    NoteRequired { action: Action, kind: NoteKind },
}

impl TransitionError {
    /// Stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            TransitionError::Invalid { .. } => "invalid_transition",
            TransitionError::NoteRequired { .. } => "note_required",
        }
    }

    /// The message in the reader's language.
    pub fn message_in(&self, lang: Lang) -> String {
        match (self, lang) {
            (TransitionError::Invalid { from, action }, Lang::Zh) => {
                format!("当前状态为“{}”，不能执行“{}”", from.label(), action.label())
            }
            (TransitionError::Invalid { from, action }, Lang::En) => format!(
                "An application that is \"{}\" cannot be given \"{}\"",
                from.label_en(),
                action.label_en()
            ),
            (TransitionError::NoteRequired { action, kind }, Lang::Zh) => {
                format!("“{}”须填写{}", action.label(), kind.label_in(Lang::Zh))
            }
            (TransitionError::NoteRequired { action, kind }, Lang::En) => format!(
                "\"{}\" needs {}",
                action.label_en(),
                kind.label_in(Lang::En)
            ),
        }
    }
}

/// The one table of moves: where `action` takes an application in status `from`.
fn target(from: Status, action: Action) -> Option<Status> {
    use Action as A;
    use Status as S;
    match (from, action) {
        (S::Pending, A::Accept) => Some(S::Accepted),
        (S::Pending, A::Reject) => Some(S::Rejected),
        (S::Pending, A::RequestCorrection) => Some(S::NeedsCorrection),
        (S::NeedsCorrection, A::Resubmit) => Some(S::Pending),
        (S::Accepted, A::StartReview) => Some(S::UnderReview),
        (S::UnderReview, A::Complete) => Some(S::Completed),
        _ => None,
    }
}

/// The status after `action`, or why it is refused. `note` is the free text the action carries;
/// actions that need one refuse a blank note.
pub fn transition(from: Status, action: Action, note: &str) -> Result<Status, TransitionError> {
    let to = target(from, action).ok_or(TransitionError::Invalid { from, action })?;
    if let Some(kind) = action.required_note() {
        if note.trim().is_empty() {
            return Err(TransitionError::NoteRequired { action, kind });
        }
    }
    Ok(to)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The expected table, written out pair by pair independently of `target`.
    fn expected(from: Status, action: Action) -> Option<Status> {
        const VALID: &[(Status, Action, Status)] = &[
            (Status::Pending, Action::Accept, Status::Accepted),
            (Status::Pending, Action::Reject, Status::Rejected),
            (
                Status::Pending,
                Action::RequestCorrection,
                Status::NeedsCorrection,
            ),
            (Status::NeedsCorrection, Action::Resubmit, Status::Pending),
            (Status::Accepted, Action::StartReview, Status::UnderReview),
            (Status::UnderReview, Action::Complete, Status::Completed),
        ];
        VALID
            .iter()
            .find(|(f, a, _)| *f == from && *a == action)
            .map(|(_, _, to)| *to)
    }

    #[test]
    fn every_status_action_pair_is_valid_or_refused_as_specified() {
        let mut valid = 0;
        for &from in Status::ALL {
            for &action in Action::ALL {
                let got = transition(from, action, "说明");
                match expected(from, action) {
                    Some(to) => {
                        assert_eq!(got, Ok(to), "{from:?} + {action:?}");
                        valid += 1;
                    }
                    None => assert_eq!(
                        got,
                        Err(TransitionError::Invalid { from, action }),
                        "{from:?} + {action:?}"
                    ),
                }
            }
        }
        assert_eq!(valid, 6);
        assert_eq!(Status::ALL.len() * Action::ALL.len(), 36);
    }

    #[test]
    fn reject_correction_and_completion_need_a_note() {
        for (from, action, kind) in [
            (Status::Pending, Action::Reject, NoteKind::Reason),
            (
                Status::Pending,
                Action::RequestCorrection,
                NoteKind::Missing,
            ),
            (Status::UnderReview, Action::Complete, NoteKind::Result),
        ] {
            for blank in ["", "  \n"] {
                let err = transition(from, action, blank).unwrap_err();
                assert_eq!(err, TransitionError::NoteRequired { action, kind });
                assert_eq!(err.code(), "note_required");
            }
        }
        // Accepting and starting a review need no note.
        assert_eq!(
            transition(Status::Pending, Action::Accept, ""),
            Ok(Status::Accepted)
        );
        assert_eq!(
            transition(Status::Accepted, Action::StartReview, ""),
            Ok(Status::UnderReview)
        );
        // An invalid move is refused as invalid even without a note.
        assert_eq!(
            transition(Status::Completed, Action::Complete, "")
                .unwrap_err()
                .code(),
            "invalid_transition"
        );
    }

    #[test]
    fn final_statuses_and_offered_actions() {
        let finals: Vec<Status> = Status::ALL
            .iter()
            .copied()
            .filter(|s| s.is_final())
            .collect();
        assert_eq!(finals, vec![Status::Rejected, Status::Completed]);
        assert_eq!(
            Status::Pending.actions(),
            vec![Action::Accept, Action::Reject, Action::RequestCorrection]
        );
        assert_eq!(Status::NeedsCorrection.actions(), vec![Action::Resubmit]);
    }

    #[test]
    fn labels_and_messages_are_bilingual() {
        assert_eq!(Status::UnderReview.label(), "审查中");
        assert_eq!(Status::UnderReview.label_en(), "Under review");
        assert_eq!(
            serde_json::to_string(&Status::NeedsCorrection).unwrap(),
            "\"需补正\""
        );
        let err = transition(Status::Pending, Action::Complete, "x").unwrap_err();
        assert_eq!(
            err.message_in(Lang::Zh),
            "当前状态为“待受理”，不能执行“办结”"
        );
        assert_eq!(
            err.message_in(Lang::En),
            "An application that is \"Awaiting acceptance\" cannot be given \"Complete\""
        );
        let err = transition(Status::Pending, Action::Reject, "").unwrap_err();
        assert_eq!(err.message_in(Lang::Zh), "“不予受理”须填写不予受理的理由");
    }
}
