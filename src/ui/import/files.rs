//! The files the panel holds: each one's bytes (kept to read it again when
//! a question is answered, its columns are mapped or the time zone
//! changes), what it was recognised as, in the model's words, and the
//! records read from it, which the choices and figures are derived from.

use std::sync::Arc;

use chrono::FixedOffset;

use crate::model::import::csv::parse_head;
use crate::model::import::exports::{
    read_file, read_mapped, FileOptions, Mapping, ParsedFile, Question, Shape,
};
use crate::model::import::{decode, DeployColumns, IncidentColumns};

/// Rows shown in the column-mapping preview.
const PREVIEW_ROWS: usize = 5;

/// A CSV's header and first rows, for the column-mapping step.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Preview {
    /// The preview of a CSV text; `None` for anything else.
    fn of(bytes: &[u8]) -> Option<Preview> {
        let text = decode(bytes).ok()?;
        let t = parse_head(text, PREVIEW_ROWS)?;
        Some(Preview {
            rows: t
                .records
                .iter()
                .map(|r| r.fields.iter().map(|f| f.to_string()).collect())
                .collect(),
            headers: t.headers,
        })
    }
}

/// What reading a file said about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Recognised {
    pub shape: Shape,
    /// "GitHub deployments (REST API JSON): 312 deployments in 4
    /// environments".
    pub summary: String,
    /// Merged, left out, unreadable, notes: one sentence each.
    pub details: Vec<String>,
    /// Why none of its rows can be used, when none can.
    pub unusable: Option<String>,
    /// What the user must answer before it is read.
    pub question: Option<Question>,
    /// Milliseconds the reading took in this browser.
    pub ms: f64,
}

/// Where a file stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Reading,
    /// Refused or unreadable, with the model's message.
    Refused(String),
    Read(Box<Recognised>),
}

/// One file (or pasted text) in the panel.
#[derive(Clone, Debug)]
pub struct Entry {
    pub id: u32,
    /// The file's name, or "pasted text".
    pub name: String,
    pub bytes: Option<Arc<Vec<u8>>>,
    pub options: FileOptions,
    /// The columns the user mapped, for a CSV read through the mapping
    /// step.
    pub mapping: Option<Mapping>,
    /// A CSV that goes through the column-mapping step: Flywheel's own
    /// columns or columns Flywheel does not know.
    pub preview: Option<Arc<Preview>>,
    /// The question the file raised when first read, kept once answered
    /// so the answer can be changed.
    pub asked: Option<Question>,
    /// Bumped whenever a newer reading is asked for, so an older one
    /// finishing late is dropped.
    pub version: u32,
    pub status: Status,
}

impl Entry {
    /// A file about to be read.
    pub fn new(id: u32, name: String) -> Entry {
        Entry {
            id,
            name,
            bytes: None,
            options: FileOptions::default(),
            mapping: None,
            preview: None,
            asked: None,
            version: 0,
            status: Status::Reading,
        }
    }

    /// The columns used for a mapped CSV: the user's, else those its header
    /// suggests for what it was recognised as.
    pub fn columns(&self) -> Option<Mapping> {
        let p = self.preview.as_ref()?;
        Some(self.mapping.clone().unwrap_or_else(|| {
            let incidents =
                matches!(&self.status, Status::Read(r) if r.shape == Shape::FlywheelIncidents);
            if incidents {
                Mapping::Incidents(IncidentColumns::guess(&p.headers))
            } else {
                Mapping::Deployments(DeployColumns::guess(&p.headers))
            }
        }))
    }
}

/// The records read, one file per entry that could be read, in the order
/// the entries were added.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    ids: Vec<u32>,
    pub files: Vec<ParsedFile>,
}

impl Parsed {
    /// Puts a file's records in, replacing any older reading of it.
    pub fn put(&mut self, id: u32, file: ParsedFile) {
        match self.ids.iter().position(|&i| i == id) {
            Some(k) => self.files[k] = file,
            None => {
                let at = self.ids.partition_point(|&i| i < id);
                self.ids.insert(at, id);
                self.files.insert(at, file);
            }
        }
    }

    /// Takes a file's records out.
    pub fn remove(&mut self, id: u32) {
        if let Some(k) = self.ids.iter().position(|&i| i == id) {
            self.ids.remove(k);
            self.files.remove(k);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// Reads one file with its answers and mapping in `zone`: its records, and
/// what it was recognised as.
pub fn read(
    entry: &Entry,
    bytes: &[u8],
    zone: FixedOffset,
    now: impl Fn() -> f64,
) -> (Option<ParsedFile>, Status) {
    let t0 = now();
    let result = match &entry.mapping {
        Some(m) => read_mapped(&entry.name, bytes, m, zone),
        None => read_file(&entry.name, bytes, &entry.options, zone),
    };
    let ms = now() - t0;
    match result {
        Err(e) => (None, Status::Refused(e.message)),
        Ok(f) => {
            let status = Status::Read(Box::new(Recognised {
                shape: f.shape,
                summary: f.summary(),
                details: f.details(),
                unusable: f.unusable(),
                question: f.question.clone(),
                ms,
            }));
            (Some(f), status)
        }
    }
}

/// The preview of a file that goes through the column-mapping step, taken
/// from its first reading.
pub fn preview(status: &Status, bytes: &[u8]) -> Option<Arc<Preview>> {
    let Status::Read(r) = status else {
        return None;
    };
    matches!(
        r.shape,
        Shape::FlywheelDeployments | Shape::FlywheelIncidents | Shape::UnknownCsv
    )
    .then(|| Preview::of(bytes).map(Arc::new))
    .flatten()
}
