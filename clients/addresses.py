"""The lead contract's address properties and the Address fields they land on.

Lead intake stores addresses under these names, and the FIAS directory completes them by the
same names, so both read the one table here.
"""

LEAD_ADDRESS_FIELDS = {
    "countryId": "country_id",
    "fiasId": "fias_id",
    "fullAddressText": "full_address_text",
    "fiasChain": "fias_chain",
    "postalCode": "postal_code",
    "regionName": "region_name",
    "localityName": "locality_name",
    "streetName": "street_name",
    "houseNo": "house_no",
    "blockNo": "block_no",
    "buildingNo": "building_no",
    "apartmentNo": "apartment_no",
    "housingType": "housing_type",
    "metroStation": "metro_station",
    "oldAddressText": "old_address_text",
    "regDate": "reg_date",
    "telephone": "telephone",
    "timeZone": "time_zone",
    "attributes": "attributes",
    "position": "position",
    "purposeId": "purpose_id",
}
