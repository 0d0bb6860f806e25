//! The peer groups DORA's 2025 Quick Check benchmarks are published for:
//! 14 industries and 9 organisation sizes, keyed and named as in its data
//! files (domain.md §2; dora-team/dora.dev,
//! `svelte/quick-check/src/lib/data/editions/2025/`).

use serde::{Deserialize, Serialize};

/// An industry with published 2025 benchmarks, in the data file's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Industry {
    /// Every respondent, whatever the industry.
    #[default]
    All,
    Consumer,
    MediaEntertainment,
    NonProfit,
    Technology,
    Telecommunications,
    Other,
    Education,
    FinancialServices,
    HealthcarePharmaceuticals,
    Energy,
    Government,
    Insurance,
    IndustrialsManufacturing,
}

impl Industry {
    /// Every industry, "All industries" first, in the data file's order.
    pub const ALL: [Industry; 14] = [
        Industry::All,
        Industry::Consumer,
        Industry::MediaEntertainment,
        Industry::NonProfit,
        Industry::Technology,
        Industry::Telecommunications,
        Industry::Other,
        Industry::Education,
        Industry::FinancialServices,
        Industry::HealthcarePharmaceuticals,
        Industry::Energy,
        Industry::Government,
        Industry::Insurance,
        Industry::IndustrialsManufacturing,
    ];

    /// The key the data file uses.
    pub fn key(self) -> &'static str {
        match self {
            Industry::All => "all",
            Industry::Consumer => "consumer",
            Industry::MediaEntertainment => "media_entertainment",
            Industry::NonProfit => "non_profit",
            Industry::Technology => "technology",
            Industry::Telecommunications => "telecommunications",
            Industry::Other => "other",
            Industry::Education => "education",
            Industry::FinancialServices => "financial_services",
            Industry::HealthcarePharmaceuticals => "healthcare_pharmaceuticals",
            Industry::Energy => "energy",
            Industry::Government => "government",
            Industry::Insurance => "insurance",
            Industry::IndustrialsManufacturing => "industrials_manufacturing",
        }
    }

    /// The industry whose key is `key`.
    pub fn from_key(key: &str) -> Option<Industry> {
        Industry::ALL.into_iter().find(|i| i.key() == key)
    }

    /// The name the data file gives it.
    pub fn name(self) -> &'static str {
        match self {
            Industry::All => "All industries",
            Industry::Consumer => "Retail/Consumer/e-Commerce",
            Industry::MediaEntertainment => "Media & Entertainment",
            Industry::NonProfit => "Non-profit",
            Industry::Technology => "Technology",
            Industry::Telecommunications => "Telecommunications",
            Industry::Other => "Other",
            Industry::Education => "Education",
            Industry::FinancialServices => "Financial Services",
            Industry::HealthcarePharmaceuticals => "Healthcare & Pharmaceuticals",
            Industry::Energy => "Energy",
            Industry::Government => "Government",
            Industry::Insurance => "Insurance",
            Industry::IndustrialsManufacturing => "Industrials & Manufacturing",
        }
    }
}

/// An organisation size with published 2025 benchmarks, smallest first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrgSize {
    /// Every respondent, whatever the size.
    #[default]
    All,
    Solo,
    FewerThan10,
    FewerThan100,
    FewerThan500,
    FewerThan1000,
    FewerThan5000,
    FewerThan10000,
    MoreThan9999,
}

impl OrgSize {
    /// Every size, "All organizations" first, in the data file's order.
    pub const ALL: [OrgSize; 9] = [
        OrgSize::All,
        OrgSize::Solo,
        OrgSize::FewerThan10,
        OrgSize::FewerThan100,
        OrgSize::FewerThan500,
        OrgSize::FewerThan1000,
        OrgSize::FewerThan5000,
        OrgSize::FewerThan10000,
        OrgSize::MoreThan9999,
    ];

    /// The key the data file uses.
    pub fn key(self) -> &'static str {
        match self {
            OrgSize::All => "all",
            OrgSize::Solo => "solo",
            OrgSize::FewerThan10 => "fewer_than_10",
            OrgSize::FewerThan100 => "fewer_than_100",
            OrgSize::FewerThan500 => "fewer_than_500",
            OrgSize::FewerThan1000 => "fewer_than_1000",
            OrgSize::FewerThan5000 => "fewer_than_5000",
            OrgSize::FewerThan10000 => "fewer_than_10000",
            OrgSize::MoreThan9999 => "more_than_9999",
        }
    }

    /// The size whose key is `key`.
    pub fn from_key(key: &str) -> Option<OrgSize> {
        OrgSize::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The name the data file gives it.
    pub fn name(self) -> &'static str {
        match self {
            OrgSize::All => "All organizations",
            OrgSize::Solo => "1 employee",
            OrgSize::FewerThan10 => "2 to 9 employees",
            OrgSize::FewerThan100 => "20 to 99 employees",
            OrgSize::FewerThan500 => "100 to 499 employees",
            OrgSize::FewerThan1000 => "500 to 999 employees",
            OrgSize::FewerThan5000 => "1,000 to 4,999 employees",
            OrgSize::FewerThan10000 => "5,000 to 9,999 employees",
            OrgSize::MoreThan9999 => "10,000 or more employees",
        }
    }

    /// A caveat on the group's label, where the data gives reason for one.
    pub fn note(self) -> Option<&'static str> {
        match self {
            OrgSize::FewerThan100 => Some(
                "DORA's data labels this group \"20 to 99 employees\", but its key reads \
                 \"fewer than 100\" and no group covers 10 to 19 employees, so it may \
                 hold 10 to 99.",
            ),
            _ => None,
        }
    }
}
