//! Taking files in: chosen, dropped, pasted or the sample, their bytes
//! asked for at once and read one at a time, smallest first, with the page
//! given a turn before and after each (so it keeps answering while a 100
//! MB export is read), and their records handed to the figures once, when
//! the last is read. A file is read again when a
//! question about it is answered, its columns are mapped or the time zone
//! changes; a reading overtaken by a newer one is dropped.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::files::{preview, read, Entry, Status};
use super::state::{figures_of, Import};
use crate::model::import::exports::{Analysis, Choices, FileOptions, Mapping};
use crate::model::import::{check_size, WindowChoice, HEAD_BYTES, MAX_INPUT_BYTES};
use crate::ui::runs::now_ms;
use crate::ui::turn::next_turn;

/// The shipped sample exports ("Try with sample data"), documented in the
/// README.
pub const SAMPLE_DEPLOYMENTS: &str = include_str!("../../../examples/deployments.csv");
/// Incidents that go with [`SAMPLE_DEPLOYMENTS`].
pub const SAMPLE_INCIDENTS: &str = include_str!("../../../examples/incidents.csv");
/// The sample as files, with the names the panel lists them by.
const SAMPLE: [(&str, &str); 2] = [
    ("sample deployments.csv", SAMPLE_DEPLOYMENTS),
    ("sample incidents.csv", SAMPLE_INCIDENTS),
];

/// What to read for an entry.
enum Job {
    File(web_sys::File),
    Bytes(Arc<Vec<u8>>),
}

/// Where a file's reading leaves its bytes, or why there are none.
type Slot = Rc<RefCell<Option<Result<Vec<u8>, String>>>>;

/// A file whose reading has begun (its slot, filled when `JsFuture`
/// resolves), or bytes already held.
enum Pending {
    Reading(Slot, JsFuture),
    Held(Arc<Vec<u8>>),
}

impl Pending {
    async fn bytes(self) -> Result<Arc<Vec<u8>>, String> {
        match self {
            Pending::Held(b) => Ok(b),
            Pending::Reading(slot, done) => {
                let _ = done.await;
                let read = slot.borrow_mut().take();
                read.unwrap_or_else(|| Err(UNREADABLE.to_string()))
                    .map(Arc::new)
            }
        }
    }
}

const UNREADABLE: &str = "The file could not be read.";

/// Begins reading a chosen file, refused by size (from its first bytes)
/// before the rest is asked for. The reading goes on by itself while
/// other files are read.
async fn begin(file: web_sys::File) -> Result<Pending, String> {
    let size = file.size() as usize;
    if size > MAX_INPUT_BYTES {
        let head = file
            .slice_with_f64_and_f64(0.0, HEAD_BYTES as f64)
            .map_err(|_| UNREADABLE.to_string())?;
        let head = JsFuture::from(head.array_buffer())
            .await
            .map_err(|_| UNREADABLE.to_string())?;
        check_size(&js_sys::Uint8Array::new(&head).to_vec(), size).map_err(|e| e.message())?;
    }
    let slot: Slot = Rc::new(RefCell::new(None));
    let fill = Rc::clone(&slot);
    let done = wasm_bindgen_futures::future_to_promise(async move {
        let read = streamed(&file).await;
        *fill.borrow_mut() = Some(read);
        Ok(JsValue::UNDEFINED)
    });
    Ok(Pending::Reading(slot, JsFuture::from(done)))
}

/// A file's bytes, copied into memory piece by piece as the browser reads
/// them: the copying of a 100 MB export overlaps its reading, and no
/// second copy of it is held by the page.
async fn streamed(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let fail = |_| UNREADABLE.to_string();
    let reader: web_sys::ReadableStreamDefaultReader = file.stream().get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(file.size() as usize);
    loop {
        let step = JsFuture::from(reader.read()).await.map_err(fail)?;
        if js_sys::Reflect::get(&step, &"done".into())
            .map_err(fail)?
            .is_truthy()
        {
            return Ok(bytes);
        }
        let chunk: js_sys::Uint8Array = js_sys::Reflect::get(&step, &"value".into())
            .map_err(fail)?
            .dyn_into()
            .map_err(fail)?;
        let start = bytes.len();
        bytes.resize(start + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[start..]);
    }
}

/// Reads the sample once, unseen, and throws the figures away. A browser
/// compiles WebAssembly as it first runs it; run as the panel opens, this
/// compiles the reading, joining and reporting before the user's own
/// files arrive, so theirs are read by code already compiled.
pub fn warm() {
    let zone = crate::model::date::timestamp::offset(0);
    let files: Vec<_> = SAMPLE
        .into_iter()
        .filter_map(|(name, text)| {
            read(&Entry::new(0, name.into()), text.as_bytes(), zone, now_ms).0
        })
        .collect();
    let choices = Choices::of(&files);
    let analysis = Analysis::build(&files, &choices.defaults(), zone);
    figures_of(&analysis, WindowChoice::DEFAULT, zone);
}

impl Import {
    /// Adds files chosen or dropped, and reads them in turn.
    pub fn add_files(self, files: Vec<web_sys::File>) {
        let jobs = files
            .into_iter()
            .map(|f| (self.add_entry(f.name()), Job::File(f)))
            .collect();
        self.applied.set(None);
        spawn_local(read_all(self, jobs));
    }

    /// Starts again with the two sample files.
    pub fn sample(self) {
        self.clear();
        let jobs = SAMPLE
            .into_iter()
            .map(|(name, text)| {
                let bytes = Arc::new(text.as_bytes().to_vec());
                (self.add_entry(name.to_string()), Job::Bytes(bytes))
            })
            .collect();
        spawn_local(read_all(self, jobs));
    }

    /// Takes the paste box's text: the entry it edits is read again, made
    /// when there is none, and removed when the box is emptied.
    pub fn paste(self, text: String) {
        self.applied.set(None);
        let current = self.paste_entry.get_untracked();
        if text.trim().is_empty() {
            if let Some(id) = current {
                self.remove(id);
            }
            self.pasted.set(text);
            return;
        }
        let bytes = Arc::new(text.as_bytes().to_vec());
        self.pasted.set(text);
        let id = current.unwrap_or_else(|| {
            let n = self.pastes.get_value() + 1;
            self.pastes.set_value(n);
            let name = if n == 1 {
                "pasted text".to_string()
            } else {
                format!("pasted text {n}")
            };
            let id = self.add_entry(name);
            self.paste_entry.set(Some(id));
            id
        });
        self.edit(id, |e| {
            // New text: nothing learned from the old one carries over.
            *e = Entry {
                version: e.version + 1,
                ..Entry::new(id, e.name.clone())
            };
        });
        spawn_local(read_all(self, vec![(id, Job::Bytes(bytes))]));
    }

    /// Leaves the pasted text as a file and empties the box for another.
    pub fn paste_another(self) {
        self.paste_entry.set(None);
        self.pasted.set(String::new());
    }

    /// Answers a file's question and reads it again.
    pub fn answer(self, id: u32, f: impl FnOnce(&mut FileOptions)) {
        self.edit(id, |e| f(&mut e.options));
        self.reread(vec![id]);
    }

    /// Maps a CSV's columns and reads it again.
    pub fn map(self, id: u32, mapping: Mapping) {
        self.edit(id, |e| e.mapping = Some(mapping));
        self.reread(vec![id]);
    }

    /// Reads every file again in another time zone.
    pub fn set_zone(self, minutes: i32) {
        self.zone_minutes.set(minutes);
        let ids = self
            .entries
            .with_untracked(|l| l.iter().map(|e| e.id).collect());
        self.reread(ids);
    }

    /// Reads entries again from the bytes they hold.
    fn reread(self, ids: Vec<u32>) {
        self.applied.set(None);
        let jobs = ids
            .into_iter()
            .filter_map(|id| {
                self.edit(id, |e| e.version += 1);
                self.bytes(id).map(|(b, _)| (id, Job::Bytes(b)))
            })
            .collect();
        spawn_local(read_all(self, jobs));
    }

    fn add_entry(self, name: String) -> u32 {
        let id = self.take_id();
        self.entries.update(|l| l.push(Entry::new(id, name)));
        id
    }
}

/// Reads each job's file in turn, then hands the records to the figures
/// at once. A file whose entry was removed, or asked to be read again
/// meanwhile, is left to the newer reading.
async fn read_all(import: Import, jobs: Vec<(u32, Job)>) {
    let version_of = |id: u32| {
        import
            .entries
            .with_untracked(|l| l.iter().find(|e| e.id == id).map(|e| e.version))
    };
    // Every file's reading begins at once and the smallest is read first,
    // so a large export arrives while the small ones are read.
    let mut begun = Vec::new();
    for (id, job) in jobs {
        let version = version_of(id);
        match job {
            Job::Bytes(b) => begun.push((0.0, id, version, Pending::Held(b))),
            Job::File(f) => match begin(f.clone()).await {
                Ok(p) => begun.push((f.size(), id, version, p)),
                Err(message) => import.edit(id, |e| e.status = Status::Refused(message)),
            },
        }
    }
    begun.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut outcomes = Vec::new();
    for (_, id, version, pending) in begun {
        let bytes = match pending.bytes().await {
            Ok(b) => b,
            Err(message) => {
                import.edit(id, |e| e.status = Status::Refused(message));
                continue;
            }
        };
        // Let the page show where it stands before a long read.
        next_turn().await;
        let Some(entry) = import
            .entries
            .with_untracked(|l| l.iter().find(|e| e.id == id).cloned())
            .filter(|e| Some(e.version) == version)
        else {
            continue;
        };
        let zone = crate::model::date::timestamp::offset(import.zone_minutes.get_untracked());
        let (file, status) = read(&entry, &bytes, zone, now_ms);
        let first_preview = entry
            .bytes
            .is_none()
            .then(|| preview(&status, &bytes))
            .flatten();
        import.edit(id, |e| {
            if let Status::Read(r) = &status {
                if r.question.is_some() {
                    e.asked.clone_from(&r.question);
                }
            }
            e.bytes = Some(bytes);
            e.preview = e.preview.take().or(first_preview);
            e.status = status;
        });
        outcomes.push((id, entry.version, file));
        next_turn().await;
    }
    let current: Vec<(u32, Option<u32>)> = outcomes
        .iter()
        .map(|(id, _, _)| (*id, version_of(*id)))
        .collect();
    import.parsed.update(|p| {
        for ((id, version, file), (_, now)) in outcomes.into_iter().zip(current) {
            match (file, now) {
                (Some(f), Some(v)) if v == version => p.put(id, f),
                (None, Some(v)) if v == version => p.remove(id),
                _ => {}
            }
        }
    });
}
