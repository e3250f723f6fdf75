#include "score/famous_brands.hpp"

namespace snai::score {

namespace {

constexpr std::string_view kFamous[] = {
    "Apple", "Google", "Microsoft", "Amazon", "Samsung", "Toyota", "Coca-Cola", "Mercedes-Benz", "McDonald's",
    "Disney", "Nike", "BMW", "Louis Vuitton", "Tesla", "Facebook", "Instagram", "WhatsApp", "YouTube", "Cisco",
    "Intel", "IBM", "Oracle", "Adobe", "Salesforce", "SAP", "Netflix", "Spotify", "PayPal", "Mastercard",
    "American Express", "Uber", "Airbnb", "Twitter", "LinkedIn", "Snapchat", "TikTok", "Pinterest", "Reddit",
    "Zoom", "Slack", "Dropbox", "Shopify", "Stripe", "Nvidia", "AMD", "Qualcomm", "Sony", "Panasonic", "Philips",
    "Siemens", "Honda", "Nissan", "Hyundai", "Volkswagen", "Audi", "Porsche", "Ferrari", "Lamborghini", "Ford",
    "Chevrolet", "Pepsi", "Starbucks", "Heineken", "Budweiser", "Nestle", "Nescafe", "Kellogg's", "Colgate",
    "Gillette", "Pampers", "L'Oreal", "Chanel", "Gucci", "Prada", "Hermes", "Rolex", "Cartier", "Tiffany",
    "Zara", "Adidas", "Puma", "Reebok", "Converse", "Levi's", "Walmart", "Costco", "IKEA", "eBay",
    "Alibaba", "Tencent", "Baidu", "Huawei", "Xiaomi", "Lenovo", "Dell", "HP", "Canon", "Nikon", "Nintendo",
    "PlayStation", "Xbox", "Lego", "Mattel", "Hasbro", "Marvel", "Pixar", "Warner Bros", "Paramount",
    "Hilton", "Marriott", "Expedia", "Booking.com", "Tripadvisor", "Yahoo", "Bing", "Firefox",
    "Mozilla", "Android", "Gmail", "Skype", "Telegram",
    "Discord", "Twitch", "GitHub", "GitLab", "Atlassian", "Jira", "Trello", "Asana", "Notion", "Figma",
    "Canva", "Zendesk", "HubSpot", "Mailchimp", "Squarespace", "Wix", "WordPress", "GoDaddy", "Cloudflare",
    "Verizon", "AT&T", "T-Mobile", "Vodafone", "Accenture", "Deloitte", "KPMG", "Goldman Sachs",
    "JPMorgan", "Morgan Stanley", "Citibank", "HSBC", "Barclays", "Santander", "Allianz", "AXA", "Prudential",
    "Boeing", "Airbus", "Lockheed Martin", "General Electric", "Caterpillar", "John Deere", "3M", "Honeywell",
    "Johnson & Johnson", "Pfizer", "Moderna", "Novartis", "Roche", "Bayer", "BP", "ExxonMobil",
    "Chevron", "FedEx", "UPS", "DHL", "Red Bull", "Oreo", "Doritos", "KitKat", "Nutella", "Heinz",
    "KFC", "Burger King", "Domino's", "Pizza Hut", "Dunkin'", "Uber Eats", "DoorDash", "Lyft",
    "OpenAI", "ChatGPT", "Anthropic", "DeepMind", "SpaceX", "Twilio", "Datadog", "Snowflake", "Palantir",
    "Coinbase", "Binance", "Robinhood", "Venmo", "Klarna", "Revolut", "Duolingo", "Peloton"};

}  // namespace

std::span<const std::string_view> famous_brands() { return kFamous; }

}  // namespace snai::score
