//! Sorting the staff item table: one key per column, ascending or descending, ties kept in
//! catalog order so a sort never shuffles equal rows.

use std::cmp::Ordering;

use portal_core::staff::StaffItemRow;
use portal_core::{TimeLimit, TimeUnit};

/// The sortable columns, in table order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Name,
    Code,
    Department,
    Type,
    Visits,
    Depth,
    Scope,
    Limits,
    Fee,
    Materials,
}

impl Column {
    pub const ALL: [Column; 10] = [
        Column::Name,
        Column::Code,
        Column::Department,
        Column::Type,
        Column::Visits,
        Column::Depth,
        Column::Scope,
        Column::Limits,
        Column::Fee,
        Column::Materials,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ascending,
    Descending,
}

impl Direction {
    /// The `aria-sort` value.
    pub fn aria(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }
}

/// The table's order: a column and a direction, or `None` for catalog order.
pub type Sort = Option<(Column, Direction)>;

/// The order after the heading of `column` is pressed: a new column sorts ascending, the
/// sorted one flips.
pub fn toggle(sort: Sort, column: Column) -> Sort {
    match sort {
        Some((c, Direction::Ascending)) if c == column => Some((column, Direction::Descending)),
        _ => Some((column, Direction::Ascending)),
    }
}

/// A time limit in fifths of a calendar day, so working and calendar days compare fairly
/// (a working week is 5 of 7 days).
fn limit_key(limit: TimeLimit) -> u64 {
    let per_day = match limit.unit {
        TimeUnit::WorkingDays => 7,
        TimeUnit::CalendarDays => 5,
    };
    u64::from(limit.amount) * per_day
}

fn compare(a: &StaffItemRow, b: &StaffItemRow, column: Column) -> Ordering {
    match column {
        Column::Name => a.name.cmp(&b.name),
        Column::Code => a.code.cmp(&b.code),
        Column::Department => {
            (a.department_kind, &a.department).cmp(&(b.department_kind, &b.department))
        }
        Column::Type => a.item_type.cmp(&b.item_type),
        Column::Visits => a.visits.cmp(&b.visits),
        Column::Depth => a.depth.cmp(&b.depth),
        Column::Scope => (a.scope.kind, &a.scope.region).cmp(&(b.scope.kind, &b.scope.region)),
        Column::Limits => (limit_key(a.promised_limit), limit_key(a.legal_limit))
            .cmp(&(limit_key(b.promised_limit), limit_key(b.legal_limit))),
        // Free items first, then by the fee text.
        Column::Fee => (a.charged, &a.fee).cmp(&(b.charged, &b.fee)),
        Column::Materials => a.materials.cmp(&b.materials),
    }
}

/// The positions of `rows` in display order.
pub fn sorted_positions(rows: &[StaffItemRow], sort: Sort) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    if let Some((column, direction)) = sort {
        // A stable sort on the (possibly reversed) key keeps equal rows in catalog order.
        order.sort_by(|&i, &j| {
            let ord = compare(&rows[i], &rows[j], column);
            match direction {
                Direction::Ascending => ord,
                Direction::Descending => ord.reverse(),
            }
        });
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_core::{DepartmentKind, ItemType, OnlineDepth, Scope, ScopeKind};

    fn row(code: &str, visits: u8, promised: (u32, TimeUnit), charged: bool) -> StaffItemRow {
        StaffItemRow {
            code: code.to_owned(),
            name: format!("事项{code}"),
            department_kind: DepartmentKind::Police,
            department: "某分局".to_owned(),
            item_type: ItemType::Licensing,
            visits,
            depth: OnlineDepth::FullyOnline,
            scope: Scope {
                kind: ScopeKind::City,
                region: None,
            },
            promised_limit: TimeLimit {
                amount: promised.0,
                unit: promised.1,
            },
            legal_limit: TimeLimit {
                amount: 20,
                unit: TimeUnit::WorkingDays,
            },
            charged,
            fee: if charged {
                "工本费：20 元".to_owned()
            } else {
                String::new()
            },
            materials: 1,
        }
    }

    fn codes(rows: &[StaffItemRow], sort: Sort) -> Vec<&str> {
        sorted_positions(rows, sort)
            .into_iter()
            .map(|i| rows[i].code.as_str())
            .collect()
    }

    #[test]
    fn a_column_sorts_both_ways_and_ties_keep_catalog_order() {
        let rows = vec![
            row("A", 1, (5, TimeUnit::WorkingDays), false),
            row("B", 0, (5, TimeUnit::WorkingDays), false),
            row("C", 1, (5, TimeUnit::WorkingDays), false),
        ];
        assert_eq!(codes(&rows, None), ["A", "B", "C"]);
        let up = Some((Column::Visits, Direction::Ascending));
        assert_eq!(codes(&rows, up), ["B", "A", "C"]);
        let down = Some((Column::Visits, Direction::Descending));
        assert_eq!(codes(&rows, down), ["A", "C", "B"]);
    }

    #[test]
    fn working_days_count_longer_than_as_many_calendar_days() {
        let rows = vec![
            row("W", 1, (10, TimeUnit::WorkingDays), false),
            row("C", 1, (13, TimeUnit::CalendarDays), false),
            row("I", 1, (0, TimeUnit::WorkingDays), false),
        ];
        let up = Some((Column::Limits, Direction::Ascending));
        assert_eq!(codes(&rows, up), ["I", "C", "W"]);
    }

    #[test]
    fn free_items_come_before_charged_ones() {
        let rows = vec![
            row("P", 1, (1, TimeUnit::WorkingDays), true),
            row("F", 1, (1, TimeUnit::WorkingDays), false),
        ];
        assert_eq!(
            codes(&rows, Some((Column::Fee, Direction::Ascending))),
            ["F", "P"]
        );
    }

    #[test]
    fn pressing_a_heading_sorts_it_ascending_then_flips_it() {
        let once = toggle(None, Column::Name);
        assert_eq!(once, Some((Column::Name, Direction::Ascending)));
        let twice = toggle(once, Column::Name);
        assert_eq!(twice, Some((Column::Name, Direction::Descending)));
        assert_eq!(toggle(twice, Column::Name), once);
        assert_eq!(
            toggle(twice, Column::Fee),
            Some((Column::Fee, Direction::Ascending))
        );
    }
}
