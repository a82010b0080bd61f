//! CSV downloads that spreadsheet software opens correctly and safely: UTF-8 with a BOM (so
//! Chinese is not mis-decoded), every cell that a spreadsheet would read as a formula neutralised
//! with a leading apostrophe, and the Chinese file name sent with `filename*`.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use portal_core::filter::percent_encode;

use crate::AppError;
use portal_core::{ApiError, ErrorCode};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A cell as written: a leading `= + - @`, tab or carriage return (which start formulas or DDE
/// in spreadsheet software) gets a leading apostrophe so the text is shown, not run.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The CSV bytes: BOM, header, rows.
pub fn write(
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<Vec<u8>, AppError> {
    let failed = |err: csv::Error| {
        AppError(ApiError::new(
            ErrorCode::Internal,
            "导出文件生成失败",
            format!("The export could not be written: {err}"),
        ))
    };
    let mut writer = csv::Writer::from_writer(BOM.to_vec());
    writer
        .write_record(header.iter().map(|h| neutralise(h).into_owned()))
        .map_err(failed)?;
    for row in rows {
        writer
            .write_record(row.iter().map(|c| neutralise(c).into_owned()))
            .map_err(failed)?;
    }
    writer
        .into_inner()
        .map_err(|err| failed(err.into_error().into()))
}

/// `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded name>` (RFC 6266 / 5987).
pub fn content_disposition(name: &str, ascii_fallback: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii_fallback}\"; filename*=UTF-8''{}",
        percent_encode(name)
    ))
    .expect("percent-encoded names are ASCII")
}

/// A CSV download response.
pub fn download(bytes: Vec<u8>, name: &str, ascii_fallback: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                content_disposition(name, ascii_fallback),
            ),
        ],
        bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_others_kept() {
        for cell in ["=1+1", "+86", "-5", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(cell), format!("'{cell}"));
        }
        for cell in ["居民身份证", "12309", "", "a=b", "'quoted"] {
            assert_eq!(neutralise(cell), cell);
        }
    }

    #[test]
    fn the_file_starts_with_a_bom_and_quotes_as_csv_does() {
        let bytes = write(
            &["名称", "说明"],
            [vec!["甲,乙".to_owned(), "=cmd".to_owned()]].into_iter(),
        )
        .unwrap();
        assert!(bytes.starts_with(BOM));
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert_eq!(text, "名称,说明\n\"甲,乙\",'=cmd\n");
    }

    #[test]
    fn the_file_name_is_percent_encoded_with_an_ascii_fallback() {
        assert_eq!(
            content_disposition("事项目录.csv", "items.csv"),
            "attachment; filename=\"items.csv\"; filename*=UTF-8''%E4%BA%8B%E9%A1%B9%E7%9B%AE%E5%BD%95.csv"
        );
    }
}
