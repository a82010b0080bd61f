//! Catalog filters and their URL form, so a filtered view can be shared and survives reload.
