//! Natural units for the time-based metrics, kept as the user typed them
//! (so a reload shows "2 per week", not "0.2857 per day") and converted to a
//! canonical unit on demand.
//!
//! Month convention: one month is a twelfth of a 365-day year, 730 hours,
//! the figure Google's Four Keys uses for its lead-time buckets (domain.md
//! §2); six months is therefore 4,380 hours.

use serde::{Deserialize, Serialize};

/// Hours in a day.
pub const HOURS_PER_DAY: f64 = 24.0;
/// Hours in a week.
pub const HOURS_PER_WEEK: f64 = 168.0;
/// Hours in a month (365 / 12 days; Four Keys' 730 h).
pub const HOURS_PER_MONTH: f64 = 730.0;
/// Days in a month under the same convention.
pub const DAYS_PER_MONTH: f64 = HOURS_PER_MONTH / HOURS_PER_DAY;

/// A unit of elapsed time offered to users.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimeUnit {
    Minutes,
    Hours,
    Days,
}

impl TimeUnit {
    /// Every unit, in the order a picker lists them.
    pub const ALL: [TimeUnit; 3] = [TimeUnit::Minutes, TimeUnit::Hours, TimeUnit::Days];

    /// How many hours one of this unit is.
    pub fn hours(self) -> f64 {
        match self {
            TimeUnit::Minutes => 1.0 / 60.0,
            TimeUnit::Hours => 1.0,
            TimeUnit::Days => HOURS_PER_DAY,
        }
    }

    /// The plural name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            TimeUnit::Minutes => "minutes",
            TimeUnit::Hours => "hours",
            TimeUnit::Days => "days",
        }
    }

    /// A stable short key, used for form values.
    pub fn key(self) -> &'static str {
        match self {
            TimeUnit::Minutes => "min",
            TimeUnit::Hours => "h",
            TimeUnit::Days => "d",
        }
    }

    /// The unit whose key is `key`.
    pub fn from_key(key: &str) -> Option<TimeUnit> {
        TimeUnit::ALL.into_iter().find(|u| u.key() == key)
    }
}

/// An elapsed time as entered: an amount and its unit.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Duration {
    pub amount: f64,
    pub unit: TimeUnit,
}

impl Duration {
    /// A duration of `amount` `unit`s.
    pub const fn new(amount: f64, unit: TimeUnit) -> Self {
        Duration { amount, unit }
    }

    /// The duration in hours, the canonical unit for classification.
    pub fn hours(self) -> f64 {
        self.amount * self.unit.hours()
    }

    /// The same duration expressed in another unit.
    pub fn to_unit(self, unit: TimeUnit) -> Duration {
        Duration::new(self.hours() / unit.hours(), unit)
    }
}

/// The period a rate is counted over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RatePeriod {
    Day,
    Week,
    Month,
}

impl RatePeriod {
    /// Every period, in the order a picker lists them.
    pub const ALL: [RatePeriod; 3] = [RatePeriod::Day, RatePeriod::Week, RatePeriod::Month];

    /// How many days the period spans.
    pub fn days(self) -> f64 {
        match self {
            RatePeriod::Day => 1.0,
            RatePeriod::Week => 7.0,
            RatePeriod::Month => DAYS_PER_MONTH,
        }
    }

    /// "per day", "per week", "per month".
    pub fn label(self) -> &'static str {
        match self {
            RatePeriod::Day => "per day",
            RatePeriod::Week => "per week",
            RatePeriod::Month => "per month",
        }
    }

    /// A stable short key, used for form values.
    pub fn key(self) -> &'static str {
        match self {
            RatePeriod::Day => "day",
            RatePeriod::Week => "week",
            RatePeriod::Month => "month",
        }
    }

    /// The period whose key is `key`.
    pub fn from_key(key: &str) -> Option<RatePeriod> {
        RatePeriod::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// A count per period as entered, e.g. "2 per month".
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rate {
    pub count: f64,
    pub per: RatePeriod,
}

impl Rate {
    /// `count` events per `per`.
    pub const fn new(count: f64, per: RatePeriod) -> Self {
        Rate { count, per }
    }

    /// Events per day, the canonical unit for classification.
    pub fn per_day(self) -> f64 {
        self.count / self.per.days()
    }

    /// Events per week.
    pub fn per_week(self) -> f64 {
        self.per_day() * 7.0
    }

    /// The same rate expressed over another period.
    pub fn to_period(self, per: RatePeriod) -> Rate {
        Rate::new(self.per_day() * per.days(), per)
    }
}

/// Formats a number for display with at most `max_decimals` decimals and no
/// trailing zeros; never prints NaN or infinity (those become "—").
pub fn format_number(value: f64, max_decimals: usize) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let text = format!("{value:.max_decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    if text == "-0" {
        "0".to_string()
    } else {
        text
    }
}

/// A share (0–1) as a percentage: 0.8532 with 1 decimal is "85.3%".
pub fn format_percent(share: f64, max_decimals: usize) -> String {
    format!("{}%", format_number(share * 100.0, max_decimals))
}

/// A whole number with thousands separators: "10,000".
pub fn format_count(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A human reading of a duration given in hours, choosing the natural unit:
/// "45 minutes", "3.5 hours", "12 days".
pub fn describe_hours(hours: f64) -> String {
    if !hours.is_finite() {
        return "—".to_string();
    }
    let (amount, unit) = if hours < 1.0 {
        (hours * 60.0, "minute")
    } else if hours < 48.0 {
        (hours, "hour")
    } else {
        (hours / HOURS_PER_DAY, "day")
    };
    let text = format_number(amount, 1);
    if text == "1" {
        format!("1 {unit}")
    } else {
        format!("{text} {unit}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_format_as_percentages() {
        assert_eq!(format_percent(0.8532, 1), "85.3%");
        assert_eq!(format_percent(0.85, 0), "85%");
        assert_eq!(format_percent(1.0, 0), "100%");
    }

    #[test]
    fn durations_convert_between_units() {
        assert_eq!(Duration::new(90.0, TimeUnit::Minutes).hours(), 1.5);
        assert_eq!(Duration::new(2.0, TimeUnit::Days).hours(), 48.0);
        let d = Duration::new(3.0, TimeUnit::Days).to_unit(TimeUnit::Hours);
        assert_eq!(d, Duration::new(72.0, TimeUnit::Hours));
    }

    #[test]
    fn rates_convert_between_periods() {
        assert_eq!(Rate::new(14.0, RatePeriod::Week).per_day(), 2.0);
        let monthly = Rate::new(1.0, RatePeriod::Month).per_day();
        assert!((monthly - 12.0 / 365.0).abs() < 1e-12);
        let weekly = Rate::new(2.0, RatePeriod::Day).to_period(RatePeriod::Week);
        assert_eq!(weekly, Rate::new(14.0, RatePeriod::Week));
    }

    #[test]
    fn numbers_format_without_noise() {
        assert_eq!(format_number(2.50, 2), "2.5");
        assert_eq!(format_number(3.0, 2), "3");
        assert_eq!(format_number(-0.0001, 2), "0");
        assert_eq!(format_number(f64::NAN, 2), "—");
        assert_eq!(format_number(f64::INFINITY, 2), "—");
    }

    #[test]
    fn counts_group_thousands() {
        assert_eq!(format_count(0), "0");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_count(1000), "1,000");
        assert_eq!(format_count(10_000), "10,000");
        assert_eq!(format_count(1_234_567), "1,234,567");
    }

    #[test]
    fn hours_are_described_in_natural_units() {
        assert_eq!(describe_hours(0.75), "45 minutes");
        assert_eq!(describe_hours(1.0), "1 hour");
        assert_eq!(describe_hours(30.0), "30 hours");
        assert_eq!(describe_hours(72.0), "3 days");
        assert_eq!(describe_hours(f64::NAN), "—");
    }
}

/// The unit a metric is shown in on charts and tables: canonical value ×
/// `factor`, labelled `label`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DisplayUnit {
    pub factor: f64,
    pub label: &'static str,
}

/// The units a team typed its baseline in. Every screen shows a metric in
/// them — a lead time typed in days reads in days on goals, charts and the
/// report — so a quantity never changes its unit between screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Units {
    /// Deployment frequency's period.
    pub per: RatePeriod,
    /// Lead time's unit.
    pub lead: TimeUnit,
    /// Recovery time's unit.
    pub recovery: TimeUnit,
}

impl Default for Units {
    fn default() -> Self {
        Units {
            per: RatePeriod::Week,
            lead: TimeUnit::Hours,
            recovery: TimeUnit::Hours,
        }
    }
}

impl Units {
    /// How `metric` is shown: canonical value × `factor`, labelled `label`.
    pub fn of(self, metric: crate::model::Metric) -> DisplayUnit {
        use crate::model::Metric;
        let time = |unit: TimeUnit| DisplayUnit {
            factor: 1.0 / unit.hours(),
            label: unit.label(),
        };
        match metric {
            Metric::DeployFrequency => DisplayUnit {
                factor: self.per.days(),
                label: match self.per {
                    RatePeriod::Day => "deploys per day",
                    RatePeriod::Week => "deploys per week",
                    RatePeriod::Month => "deploys per month",
                },
            },
            Metric::LeadTime => time(self.lead),
            Metric::RecoveryTime => time(self.recovery),
            _ => DisplayUnit {
                factor: 1.0,
                label: "%",
            },
        }
    }

    /// `canonical` in `metric`'s unit: "4 deploys per week", "3 days",
    /// "12.5%".
    pub fn describe(self, metric: crate::model::Metric, canonical: f64) -> String {
        let u = self.of(metric);
        amount_with_unit(&format_number(canonical * u.factor, 2), u.label)
    }
}

/// "2.5 hours", "1 hour", "12%": a formatted amount and its unit, the unit
/// singular when the amount reads exactly 1.
pub fn amount_with_unit(amount: &str, unit: &str) -> String {
    match unit {
        "%" => format!("{amount}%"),
        "" => amount.to_string(),
        _ if amount == "1" => {
            let one = match unit.split_once(' ') {
                Some((first, rest)) => format!("{} {rest}", singular(first)),
                None => singular(unit).to_string(),
            };
            format!("1 {one}")
        }
        _ => format!("{amount} {unit}"),
    }
}

/// The singular of the units Flywheel writes ("hours" → "hour").
fn singular(word: &str) -> &str {
    match word {
        "minutes" | "hours" | "days" | "weeks" | "deploys" | "deployments" => {
            word.strip_suffix('s').unwrap_or(word)
        }
        other => other,
    }
}

#[cfg(test)]
mod display_tests {
    use super::*;
    use crate::model::Metric;

    #[test]
    fn quantities_show_in_the_units_the_baseline_was_typed_in() {
        let typed = Units {
            per: RatePeriod::Month,
            lead: TimeUnit::Days,
            recovery: TimeUnit::Minutes,
        };
        // A lead time typed as 4 days reads "4 days", not "96 hours".
        assert_eq!(typed.describe(Metric::LeadTime, 96.0), "4 days");
        assert_eq!(typed.describe(Metric::RecoveryTime, 0.5), "30 minutes");
        // 2 a month is 2 ÷ (365 / 12) a day.
        assert_eq!(
            typed.describe(Metric::DeployFrequency, 2.0 * 12.0 / 365.0),
            "2 deploys per month"
        );
        assert_eq!(typed.describe(Metric::ChangeFailureRate, 12.5), "12.5%");
        assert_eq!(typed.describe(Metric::LeadTime, 24.0), "1 day");
        assert_eq!(
            typed.describe(Metric::DeployFrequency, 12.0 / 365.0),
            "1 deploy per month"
        );
        assert_eq!(amount_with_unit("1", "ms"), "1 ms");
        let plain = Units::default();
        assert_eq!(
            plain.describe(Metric::DeployFrequency, 2.0),
            "14 deploys per week"
        );
        assert_eq!(plain.describe(Metric::LeadTime, 96.0), "96 hours");
        assert_eq!(plain.of(Metric::RecoveryTime).factor, 1.0);
    }
}
